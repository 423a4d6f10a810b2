package io.basalt.networking.gossip;

import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * A pubsub {@code Message}. Under StrictNoSign only {@code data} and {@code topic} are present; the
 * other fields are kept so that they can be detected and the message rejected.
 */
public record PubMessage(
    Optional<Bytes> from,
    Bytes data,
    Optional<Bytes> seqno,
    String topic,
    Optional<Bytes> signature,
    Optional<Bytes> key) {

  public PubMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(seqno, "seqno");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(key, "key");
  }

  /** An unsigned, anonymous message (StrictNoSign). */
  public static PubMessage unsigned(String topic, Bytes data) {
    return new PubMessage(
        Optional.empty(), data, Optional.empty(), topic, Optional.empty(), Optional.empty());
  }

  /** Whether any of the author fields (from, seqno, signature, key) is present. */
  public boolean hasAuthorFields() {
    return from.isPresent() || seqno.isPresent() || signature.isPresent() || key.isPresent();
  }
}
