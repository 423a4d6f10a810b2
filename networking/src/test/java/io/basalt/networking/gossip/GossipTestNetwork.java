package io.basalt.networking.gossip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes;

/**
 * N routers connected in memory with a shared simulated clock. RPCs are queued and delivered in
 * FIFO order by {@link #deliverAll()}, optionally through the wire codec.
 */
final class GossipTestNetwork {

  record Delivery(GossipPeerId from, GossipPeerId to, Rpc rpc) {}

  final class Node {
    final int index;
    final GossipPeerId id;
    final GossipRouter router;
    final Map<String, List<Bytes>> received = new HashMap<>();

    Node(
        int index,
        GossipParams params,
        PeerScoreParams scoreParams,
        PeerScoreThresholds thresholds) {
      this.index = index;
      this.id = GossipPeerId.of("node-" + index);
      this.router =
          new GossipRouter(
              params,
              scoreParams,
              thresholds,
              RpcLimits.DEFAULT,
              MessageIdFunction.sha256OfData(),
              clock,
              new SplittableRandom(seed * 31 + index),
              (to, rpc) -> inflight.add(new Delivery(id, to, wire ? roundTrip(rpc) : rpc)),
              Runnable::run,
              (from, topic, peers) -> pxOffers++);
    }

    void subscribe(String topic) {
      router.subscribe(
          topic,
          (msgId, m) -> received.computeIfAbsent(topic, t -> new ArrayList<>()).add(m.data()));
    }

    List<Bytes> received(String topic) {
      return received.getOrDefault(topic, List.of());
    }
  }

  final ManualClock clock = new ManualClock(1_000_000);
  final List<Node> nodes = new ArrayList<>();
  private final Map<GossipPeerId, Node> byId = new HashMap<>();
  final ArrayDeque<Delivery> inflight = new ArrayDeque<>();
  final Set<Set<GossipPeerId>> links = new HashSet<>();
  final long seed;
  final boolean wire;
  long delivered;

  /** Deliveries matching this are lost in transit (simulated loss). */
  java.util.function.Predicate<Delivery> lose = d -> false;

  int pxOffers;

  GossipTestNetwork(
      int size,
      long seed,
      boolean wire,
      GossipParams params,
      PeerScoreParams scoreParams,
      PeerScoreThresholds thresholds) {
    this.seed = seed;
    this.wire = wire;
    for (int i = 0; i < size; i++) {
      Node node = new Node(i, params, scoreParams, thresholds);
      nodes.add(node);
      byId.put(node.id, node);
    }
  }

  static GossipTestNetwork withDefaults(int size, long seed) {
    return new GossipTestNetwork(
        size,
        seed,
        true,
        GossipParams.defaults(),
        PeerScoreParams.defaults(),
        PeerScoreThresholds.defaults());
  }

  private static Rpc roundTrip(Rpc rpc) {
    try {
      return RpcCodec.decode(RpcCodec.encode(rpc), RpcLimits.DEFAULT);
    } catch (RpcDecodeException e) {
      throw new AssertionError("router produced an undecodable RPC", e);
    }
  }

  Node node(int i) {
    return nodes.get(i);
  }

  /** {@code a} dials {@code b}: outbound for a, inbound for b. */
  void connect(int a, int b) {
    Node na = nodes.get(a);
    Node nb = nodes.get(b);
    if (a == b || !links.add(Set.of(na.id, nb.id))) {
      return;
    }
    na.router.addPeer(nb.id, GossipProtocol.MESHSUB_V11, true, Optional.empty());
    nb.router.addPeer(na.id, GossipProtocol.MESHSUB_V11, false, Optional.empty());
  }

  boolean connected(GossipPeerId a, GossipPeerId b) {
    return !a.equals(b) && links.contains(Set.of(a, b));
  }

  /** A random connected topology where every node has at least {@code minDegree} links. */
  void connectRandom(int minDegree) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 1; i < nodes.size(); i++) {
      connect(random.nextInt(i), i); // spanning tree: connected
    }
    for (int i = 0; i < nodes.size(); i++) {
      while (degree(i) < minDegree) {
        connect(i, random.nextInt(nodes.size()));
      }
    }
  }

  int degree(int i) {
    GossipPeerId id = nodes.get(i).id;
    return (int) links.stream().filter(link -> link.contains(id)).count();
  }

  void deliverAll() {
    int steps = 0;
    while (!inflight.isEmpty()) {
      if (++steps > 10_000_000) {
        throw new AssertionError("delivery did not settle");
      }
      Delivery d = inflight.poll();
      if (connected(d.from(), d.to()) && !lose.test(d)) {
        nodeOf(d.to()).router.onRpc(d.from(), d.rpc());
        delivered++;
      }
    }
  }

  Node nodeOf(GossipPeerId id) {
    return byId.get(id);
  }

  /** Advances the clock one heartbeat interval and runs every node's heartbeat. */
  void heartbeat() {
    clock.advance(1_000);
    for (Node node : nodes) {
      node.router.heartbeat();
    }
    deliverAll();
  }

  void heartbeats(int count) {
    for (int i = 0; i < count; i++) {
      heartbeat();
    }
  }
}
