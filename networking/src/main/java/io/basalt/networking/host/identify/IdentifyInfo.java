package io.basalt.networking.host.identify;

import io.basalt.networking.identity.PeerPublicKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.List;
import java.util.Optional;

/**
 * What a peer told us about itself in {@code /ipfs/id/1.0.0} (or what we tell it).
 *
 * @param protocolVersion e.g. {@code ipfs/0.1.0}
 * @param agentVersion the implementation, e.g. {@code basalt/0.1.0} or {@code js-libp2p/3.3.11}
 * @param publicKey the identity key (must match the connection's peer id)
 * @param listenAddrs addresses it listens on (ones we cannot parse are skipped)
 * @param observedAddr our address as the peer sees it
 * @param protocols protocol ids it supports
 * @param signedPeerRecord the raw signed peer record envelope, if sent (not verified here)
 */
public record IdentifyInfo(
    String protocolVersion,
    String agentVersion,
    Optional<PeerPublicKey> publicKey,
    List<Multiaddr> listenAddrs,
    Optional<Multiaddr> observedAddr,
    List<String> protocols,
    Optional<byte[]> signedPeerRecord) {

  public IdentifyInfo {
    listenAddrs = List.copyOf(listenAddrs);
    protocols = List.copyOf(protocols);
  }
}
