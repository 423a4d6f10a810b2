package io.basalt.execution.receipt;

import io.basalt.common.types.Address;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An Ethereum log entry emitted by a transaction: the emitting contract, up to four topics (the
 * first is the Keccak-256 of the event signature for non-anonymous events) and ABI-encoded data.
 */
public record Log(Address address, List<Bytes32> topics, Bytes data) {

  /** The EVM's LOG0..LOG4 limit. */
  public static final int MAX_TOPICS = 4;

  public Log {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(data, "data");
    topics = List.copyOf(topics);
    if (topics.size() > MAX_TOPICS) {
      throw new IllegalArgumentException(
          "A log has at most " + MAX_TOPICS + " topics, got " + topics.size());
    }
  }
}
