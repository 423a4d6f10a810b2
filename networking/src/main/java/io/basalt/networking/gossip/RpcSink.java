package io.basalt.networking.gossip;

/**
 * Where the router's outgoing RPCs go. Implementations frame and write them on the peer's outbound
 * gossipsub stream, and must bound what they queue per peer (see {@link PeerOutbox}); the router
 * never blocks on a send.
 */
@FunctionalInterface
public interface RpcSink {
  void send(GossipPeerId peer, Rpc rpc);
}
