package io.basalt.networking.gossip;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/** Gossip message id, compared by content. */
public record MessageId(Bytes bytes) {
  public MessageId {
    Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public String toString() {
    return bytes.size() <= 20 ? bytes.toHexString() : bytes.slice(0, 20).toHexString() + "…";
  }
}
