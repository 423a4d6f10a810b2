package io.basalt.execution.receipt;

import io.basalt.common.types.Address;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import io.basalt.execution.rlp.RlpWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An Ethereum log entry emitted by a transaction: the emitting contract, up to four topics (the
 * first is the Keccak-256 of the event signature for non-anonymous events) and ABI-encoded data.
 *
 * <p>Encoded as in Ethereum receipts: {@code rlp([address, [topic, ...], data])}.
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

  /** The RLP encoding {@code [address, [topics...], data]}. */
  public Bytes encode() {
    RlpWriter writer = new RlpWriter();
    writeTo(writer);
    return writer.encoded();
  }

  /** Appends this log's RLP list to {@code writer}. */
  public void writeTo(RlpWriter writer) {
    writer.writeList(
        log -> {
          log.writeBytes(address.bytes());
          log.writeList(
              list -> {
                for (Bytes32 topic : topics) {
                  list.writeBytes(topic);
                }
              });
          log.writeBytes(data);
        });
  }

  /**
   * Decodes exactly one log spanning all of {@code encoded}.
   *
   * @throws RlpException if the input is not one canonical log
   */
  public static Log decode(Bytes encoded) {
    RlpReader reader = RlpReader.of(encoded);
    Log log = readFrom(reader);
    reader.ensureEnd();
    return log;
  }

  /**
   * Reads the next item of {@code reader} as a log: a 20-byte address, a list of at most {@value
   * #MAX_TOPICS} 32-byte topics, and data, and nothing more.
   *
   * @throws RlpException if the item is not such a log
   */
  public static Log readFrom(RlpReader reader) {
    RlpReader fields = reader.readList();
    Bytes address = fields.readBytes();
    if (address.size() != Address.SIZE) {
      throw new RlpException(
          "log address is " + address.size() + " bytes, expected " + Address.SIZE);
    }
    RlpReader topicItems = fields.readList();
    List<Bytes32> topics = new ArrayList<>(MAX_TOPICS);
    while (topicItems.hasNext()) {
      if (topics.size() == MAX_TOPICS) {
        throw new RlpException("a log has at most " + MAX_TOPICS + " topics");
      }
      topics.add(topicItems.readBytes32());
    }
    Bytes data = fields.readBytes();
    if (fields.hasNext()) {
      throw new RlpException("a log has 3 fields, found more");
    }
    // Copies, so that the log does not pin the whole input buffer.
    return new Log(
        new Address(address.copy()), topics.stream().map(Bytes32::copy).toList(), data.copy());
  }
}
