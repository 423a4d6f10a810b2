package io.basalt.networking.gossip.host;

import static io.basalt.networking.host.TestHosts.await;
import static io.basalt.networking.host.TestHosts.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.networking.gossip.GossipParams;
import io.basalt.networking.gossip.PeerScoreParams;
import io.basalt.networking.gossip.PeerScoreThresholds;
import io.basalt.networking.gossip.TopicScoreParams;
import io.basalt.networking.gossip.ValidationResult;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.TestHosts;
import io.basalt.networking.peers.Misbehaviour;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Gossipsub over real Noise + yamux connections on 127.0.0.1. */
class GossipServiceTest {
  private static final String TOPIC = "/basalt/test/1";
  private static final GossipParams PARAMS =
      GossipParams.defaults().withHeartbeatIntervalMillis(100);
  private static final GossipServiceConfig CONFIG =
      GossipServiceConfig.defaults().withParams(PARAMS);

  @Test
  void twelveNodesDeliverEveryMessageExactlyOnceAndKeepMeshDegrees() throws Exception {
    try (GossipHosts net = new GossipHosts(12, CONFIG)) {
      net.connectRandom(42, 7);
      net.nodes.forEach(n -> n.subscribe(TOPIC));

      // Mesh maintenance after a few heartbeats: every degree within [D_low, D_high].
      eventually(
          () ->
              net.nodes.stream()
                  .map(n -> n.gossip.meshPeers(TOPIC).size())
                  .allMatch(size -> size >= PARAMS.dLow() && size <= PARAMS.dHigh()));
      for (GossipHosts.Node n : net.nodes) {
        assertThat(n.gossip.meshPeers(TOPIC))
            .hasSizeBetween(PARAMS.dLow(), PARAMS.dHigh())
            .allMatch(peer -> n.host.isConnected(peer));
      }

      Set<String> published = new HashSet<>();
      for (int publisher : List.of(0, 5, 11)) {
        for (int k = 0; k < 5; k++) {
          byte[] data = new byte[] {(byte) publisher, (byte) k, 1, 2, 3};
          assertThat(await(net.node(publisher).gossip.publish(TOPIC, data)).recipients())
              .isPositive();
          published.add(org.apache.tuweni.bytes.Bytes.wrap(data).toHexString());
        }
      }
      eventually(
          () ->
              net.nodes.stream()
                  .allMatch(n -> n.received.size() == expectedCount(n, net, published.size())));
      // Let duplicates (if any) arrive before checking exactly-once.
      Thread.sleep(3 * PARAMS.heartbeatIntervalMillis());
      for (int i = 0; i < 12; i++) {
        GossipHosts.Node n = net.node(i);
        Set<String> expected = new HashSet<>(published);
        int self = i;
        expected.removeIf(hex -> hex.startsWith(String.format("0x%02x", self)));
        assertThat(n.received.keySet()).as("node %d", i).isEqualTo(expected);
        assertThat(n.received.values()).allMatch(count -> count.get() == 1);
      }
      assertThat(net.reports).isEmpty();
    }
  }

  private static int expectedCount(GossipHosts.Node n, GossipHosts net, int total) {
    int own = List.of(0, 5, 11).contains(net.nodes.indexOf(n)) ? 5 : 0;
    return total - own;
  }

  @Test
  void invalidPublisherIsPrunedReportedAndGraylisted() {
    GossipServiceConfig scored =
        CONFIG.withScoring(
            PeerScoreParams.defaults().withTopic(TOPIC, TopicScoreParams.defaults()),
            PeerScoreThresholds.defaults());
    try (GossipHosts net = new GossipHosts(6, scored)) {
      net.connectAll();
      for (GossipHosts.Node n : net.nodes) {
        n.subscribe(TOPIC);
        n.gossip.setValidator(
            TOPIC,
            (from, m) ->
                CompletableFuture.completedFuture(
                    m.data().get(0) == (byte) 0xFF
                        ? ValidationResult.REJECT
                        : ValidationResult.ACCEPT));
      }
      GossipHosts.Node bad = net.node(0);
      List<GossipHosts.Node> neighbours = net.nodes.subList(1, 6);
      eventually(
          () -> neighbours.stream().allMatch(n -> n.gossip.meshPeers(TOPIC).contains(bad.id())));

      for (int i = 0; i < 3; i++) {
        await(bad.gossip.publish(TOPIC, new byte[] {(byte) 0xFF, (byte) i}));
      }

      double graylist = PeerScoreThresholds.defaults().graylistThreshold();
      eventually(
          () ->
              neighbours.stream()
                  .allMatch(
                      n ->
                          n.gossip.score(bad.id()) < graylist
                              && !n.gossip.meshPeers(TOPIC).contains(bad.id())));
      for (GossipHosts.Node n : neighbours) {
        assertThat(n.received).isEmpty();
        long rejected = n.gossip.inspect(r -> r.metrics().rejected());
        assertThat(rejected).isPositive();
      }
      assertThat(net.reports)
          .isNotEmpty()
          .allMatch(
              r -> r.peer().equals(bad.id()) && r.misbehaviour() == Misbehaviour.LOW_TOLERANCE);
      // Honest nodes still gossip among themselves.
      await(net.node(1).gossip.publish(TOPIC, new byte[] {1, 2, 3}));
      eventually(() -> net.nodes.subList(2, 6).stream().allMatch(n -> n.received.size() == 1));
    }
  }

  @Test
  void malformedFramesResetTheStreamAndReportThePeer() {
    try (GossipHosts net = new GossipHosts(1, CONFIG);
        TestHosts plain = new TestHosts()) {
      GossipHosts.Node node = net.node(0);
      Host attacker = plain.start();
      await(attacker.dial(TestHosts.address(node.host)));

      // A well-framed RPC whose protobuf is garbage (field 1 announcing 100 bytes, none follow).
      Stream bad = await(attacker.newStream(node.id(), GossipService.PROTOCOLS));
      AtomicInteger resets = new AtomicInteger();
      bad.setReader(resetCounter(resets));
      bad.write(new byte[] {3, 0x0A, 100, 0});
      eventually(() -> resets.get() == 1 && net.reports.size() == 1);

      // A length prefix beyond the 1 MiB frame limit.
      Stream huge = await(attacker.newStream(node.id(), GossipService.PROTOCOLS));
      huge.setReader(resetCounter(resets));
      huge.write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
      eventually(() -> resets.get() == 2 && net.reports.size() == 2);

      assertThat(net.reports)
          .allMatch(
              r ->
                  r.peer().equals(attacker.peerId())
                      && r.misbehaviour() == Misbehaviour.LOW_TOLERANCE);
      assertThat(net.reports.get(0).reason()).contains("malformed gossip RPC");
      assertThat(net.reports.get(1).reason()).contains("malformed gossip frame");
    }
  }

  private static io.basalt.networking.host.StreamReader resetCounter(AtomicInteger resets) {
    return new io.basalt.networking.host.StreamReader() {
      @Override
      public void onData(Stream stream, java.nio.ByteBuffer data) {
        data.position(data.limit());
      }

      @Override
      public void onClosed(Stream stream, boolean reset) {
        if (reset) {
          resets.incrementAndGet();
        }
      }
    };
  }
}
