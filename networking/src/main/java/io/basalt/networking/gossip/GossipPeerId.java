package io.basalt.networking.gossip;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * Opaque key of a remote peer inside the router. A transport adapter maps libp2p PeerIds to it
 * (typically the PeerId's multihash bytes, which is also what goes into PRUNE peer exchange).
 */
public record GossipPeerId(Bytes bytes) implements Comparable<GossipPeerId> {
  public GossipPeerId {
    Objects.requireNonNull(bytes, "bytes");
  }

  public static GossipPeerId of(String text) {
    return new GossipPeerId(Bytes.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Override
  public int compareTo(GossipPeerId other) {
    return bytes.compareTo(other.bytes);
  }

  @Override
  public String toString() {
    return bytes.size() <= 16 ? bytes.toHexString() : bytes.slice(0, 8).toHexString() + "…";
  }
}
