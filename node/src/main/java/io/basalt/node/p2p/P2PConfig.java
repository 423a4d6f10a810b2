package io.basalt.node.p2p;

import io.basalt.consensus.types.Bytes4;
import io.basalt.networking.identity.PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.List;
import java.util.Objects;

/**
 * Configuration of the {@link P2PNetwork}.
 *
 * @param listenHost an IPv4 or IPv6 literal to listen on
 * @param listenPort TCP port, 0 for any free one
 * @param bootnodes peers (with {@code /p2p/}) dialled at start and whenever disconnected
 * @param maxPeers inbound peers beyond this are refused
 * @param identity the node's libp2p key
 * @param forkDigest the first topic segment; peers with another digest are disconnected
 * @param shardCount shards whose block and transaction topics are joined
 * @param attestationSubnets attestation subnets joined (one per shard in Basalt)
 */
public record P2PConfig(
    String listenHost,
    int listenPort,
    List<Multiaddr> bootnodes,
    int maxPeers,
    PeerPrivateKey identity,
    Bytes4 forkDigest,
    int shardCount,
    int attestationSubnets) {

  public P2PConfig {
    Objects.requireNonNull(listenHost, "listenHost");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(forkDigest, "forkDigest");
    bootnodes = List.copyOf(bootnodes);
    if (listenPort < 0 || listenPort > 65535) {
      throw new IllegalArgumentException("listen port must be 0..65535, got " + listenPort);
    }
    if (maxPeers < 1) {
      throw new IllegalArgumentException("max peers must be at least 1, got " + maxPeers);
    }
    if (shardCount < 1 || attestationSubnets < 1) {
      throw new IllegalArgumentException("shard count and attestation subnets must be positive");
    }
  }

  /** The listen address as a multiaddr ({@code /ip4/…/tcp/…} or {@code /ip6/…/tcp/…}). */
  public Multiaddr listenAddress() {
    String protocol = listenHost.contains(":") ? "ip6" : "ip4";
    return Multiaddr.parse("/" + protocol + "/" + listenHost + "/tcp/" + listenPort);
  }
}
