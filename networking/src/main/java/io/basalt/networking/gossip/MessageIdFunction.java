package io.basalt.networking.gossip;

import org.apache.tuweni.bytes.Bytes;

/** Computes the id of a message; must be a pure function of the message. */
@FunctionalInterface
public interface MessageIdFunction {
  MessageId apply(PubMessage message);

  /**
   * The pubsub default, {@code from || seqno}. Under StrictNoSign both are absent, so every message
   * would collide: use a content hash there (see {@link #sha256OfData()}).
   */
  static MessageIdFunction fromAndSeqno() {
    return m ->
        new MessageId(
            Bytes.concatenate(m.from().orElse(Bytes.EMPTY), m.seqno().orElse(Bytes.EMPTY)));
  }

  /**
   * SHA-256 of the data, the raw 32-byte digest: what js-libp2p gossipsub uses by default under
   * StrictNoSign ({@code msgIdFnStrictNoSign}).
   */
  static MessageIdFunction sha256OfData() {
    return m -> new MessageId(io.basalt.common.crypto.Hash.sha256(m.data()));
  }
}
