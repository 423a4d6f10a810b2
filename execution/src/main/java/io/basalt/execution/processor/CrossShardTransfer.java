package io.basalt.execution.processor;

import io.basalt.common.types.Address;
import io.basalt.execution.state.Wei;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code value} wei from {@code from} on this shard, to be credited to {@code to} on {@code
 * toShard}; {@code txHash} is the source transaction.
 */
public record CrossShardTransfer(int toShard, Address from, Address to, Wei value, Bytes32 txHash)
    implements OutgoingMessage {
  public CrossShardTransfer {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(txHash, "txHash");
  }
}
