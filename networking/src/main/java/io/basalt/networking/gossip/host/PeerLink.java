package io.basalt.networking.gossip.host;

import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Stream;
import io.basalt.networking.identity.PeerId;
import java.util.ArrayDeque;

/**
 * The gossip streams of one peer. Touched only on the router thread.
 *
 * <p>The peer is in the router ({@link #inRouter}) while our outbound stream is open; frames that
 * arrive on its inbound stream before that (its subscriptions, typically) wait in {@link #early}.
 */
final class PeerLink {
  /** RPCs kept while our outbound stream is still being negotiated. */
  static final int MAX_EARLY_FRAMES = 64;

  final PeerId peer;
  final GossipPeerId key;
  Stream outbound;
  Connection opening;
  Stream inbound;
  boolean inRouter;
  int inflightBytes;
  final ArrayDeque<Rpc> early = new ArrayDeque<>();

  PeerLink(PeerId peer, GossipPeerId key) {
    this.peer = peer;
    this.key = key;
  }

  boolean idle() {
    return outbound == null && opening == null && inbound == null;
  }
}
