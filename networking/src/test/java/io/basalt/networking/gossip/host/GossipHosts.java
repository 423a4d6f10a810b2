package io.basalt.networking.gossip.host;

import static io.basalt.networking.host.TestHosts.await;

import io.basalt.networking.gossip.MessageId;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N hosts on 127.0.0.1, each running a {@link GossipService}, connected in a seeded random
 * topology; records what every node received and which peers it reported.
 */
final class GossipHosts implements AutoCloseable {

  record Report(PeerId reporter, PeerId peer, Misbehaviour misbehaviour, String reason) {}

  final class Node {
    final Host host;
    final GossipService gossip;

    /** Payload (hex) → times delivered to the handler. */
    final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    Node(Host host, GossipService gossip) {
      this.host = host;
      this.gossip = gossip;
    }

    PeerId id() {
      return host.peerId();
    }

    void subscribe(String topic) {
      gossip.subscribe(
          topic,
          (MessageId id, io.basalt.networking.gossip.PubMessage m) ->
              received
                  .computeIfAbsent(m.data().toHexString(), k -> new AtomicInteger())
                  .incrementAndGet());
    }
  }

  final List<Node> nodes = new ArrayList<>();
  final List<Report> reports = new CopyOnWriteArrayList<>();
  private final TestHosts hosts = new TestHosts();
  private final List<int[]> edges = new ArrayList<>();

  GossipHosts(int count, GossipServiceConfig config) {
    for (int i = 0; i < count; i++) {
      Host host = hosts.listening();
      PeerId self = host.peerId();
      MisbehaviourReporter reporter =
          (peer, misbehaviour, reason) -> reports.add(new Report(self, peer, misbehaviour, reason));
      nodes.add(new Node(host, GossipService.start(host, config.withSeed(i), reporter)));
    }
  }

  Node node(int i) {
    return nodes.get(i);
  }

  /**
   * Connects a random spanning tree (so the graph is connected), then adds random edges until every
   * node has at least {@code minDegree} neighbours.
   */
  void connectRandom(long seed, int minDegree) {
    Random random = new Random(seed);
    int n = nodes.size();
    boolean[][] linked = new boolean[n][n];
    for (int i = 1; i < n; i++) {
      link(linked, i, random.nextInt(i));
    }
    for (int i = 0; i < n; i++) {
      while (degree(linked, i) < Math.min(minDegree, n - 1)) {
        int j = random.nextInt(n);
        if (j != i && !linked[i][j]) {
          link(linked, i, j);
        }
      }
    }
    List<CompletableFuture<?>> dials = new ArrayList<>();
    for (int[] e : edges) {
      dials.add(node(e[0]).host.dial(TestHosts.address(node(e[1]).host)));
    }
    await(CompletableFuture.allOf(dials.toArray(CompletableFuture[]::new)));
  }

  void connectAll() {
    connectRandom(0, nodes.size() - 1);
  }

  private void link(boolean[][] linked, int a, int b) {
    linked[a][b] = true;
    linked[b][a] = true;
    edges.add(new int[] {a, b});
  }

  private static int degree(boolean[][] linked, int i) {
    int d = 0;
    for (boolean b : linked[i]) {
      d += b ? 1 : 0;
    }
    return d;
  }

  boolean connected(Node a, Node b) {
    return a.host.isConnected(b.id());
  }

  @Override
  public void close() {
    nodes.forEach(n -> n.gossip.close());
    hosts.close();
  }
}
