package io.basalt.networking.gossip;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded per-peer queue of outgoing RPCs, for transports that write asynchronously: the router
 * sends into it, the writer polls from it. When a peer's queue is full, further RPCs to it are
 * dropped and counted (a slow reader cannot grow our memory). Not thread-safe.
 */
public final class PeerOutbox implements RpcSink {
  private final int capacityPerPeer;
  private final Map<GossipPeerId, ArrayDeque<Rpc>> queues = new HashMap<>();
  private long dropped;

  public PeerOutbox(int capacityPerPeer) {
    if (capacityPerPeer < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacityPerPeer = capacityPerPeer;
  }

  @Override
  public void send(GossipPeerId peer, Rpc rpc) {
    ArrayDeque<Rpc> queue = queues.computeIfAbsent(peer, p -> new ArrayDeque<>());
    if (queue.size() >= capacityPerPeer) {
      dropped++;
      return;
    }
    queue.addLast(rpc);
  }

  public Optional<Rpc> poll(GossipPeerId peer) {
    ArrayDeque<Rpc> queue = queues.get(peer);
    if (queue == null) {
      return Optional.empty();
    }
    Rpc rpc = queue.pollFirst();
    if (queue.isEmpty()) {
      queues.remove(peer);
    }
    return Optional.ofNullable(rpc);
  }

  public int queued(GossipPeerId peer) {
    ArrayDeque<Rpc> queue = queues.get(peer);
    return queue == null ? 0 : queue.size();
  }

  /** Forgets a disconnected peer's queue. */
  public void remove(GossipPeerId peer) {
    queues.remove(peer);
  }

  public long dropped() {
    return dropped;
  }
}
