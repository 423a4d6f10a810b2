package io.basalt.networking.gossip;

import java.util.List;

/**
 * Receives peers offered in a PRUNE by a peer scoring at least the accept-PX threshold. The
 * listener (connection manager) decides whether to dial them; it must verify signed peer records
 * itself, the router does not.
 */
@FunctionalInterface
public interface PeerExchangeListener {
  void onPeerExchange(GossipPeerId from, String topic, List<Rpc.PeerInfo> peers);
}
