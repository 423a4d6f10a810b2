package io.basalt.networking.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Behaviour of 12 routers on an in-memory network with a simulated clock. */
class GossipNetworkTest {
  private static final String TOPIC = "blocks";

  private static GossipTestNetwork meshOf12(long seed) {
    GossipTestNetwork net = GossipTestNetwork.withDefaults(12, seed);
    net.connectRandom(7);
    net.deliverAll();
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.deliverAll();
    net.heartbeats(5);
    return net;
  }

  private static Bytes payload(int i) {
    return Bytes.wrap(("message-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void everyRouterReceivesEveryMessageExactlyOnce() {
    GossipTestNetwork net = meshOf12(1);
    List<Bytes> published = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      GossipTestNetwork.Node publisher = net.node(i % 12);
      Bytes data = payload(i);
      assertThat(publisher.router.publish(TOPIC, data).duplicate()).isFalse();
      published.add(data);
      net.deliverAll();
    }
    for (GossipTestNetwork.Node node : net.nodes) {
      List<Bytes> expected = new ArrayList<>(published);
      for (int i = node.index; i < 30; i += 12) {
        expected.remove(payload(i)); // own messages are not handed back to the application
      }
      assertThat(node.received(TOPIC)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void meshDegreesConvergeWithinBounds() {
    GossipTestNetwork net = meshOf12(2);
    net.heartbeats(10);
    GossipParams p = GossipParams.defaults();
    for (GossipTestNetwork.Node node : net.nodes) {
      assertThat(node.router.meshPeers(TOPIC).size()).isBetween(p.dLow(), p.dHigh());
      // mesh links are symmetric once GRAFT/PRUNE settle
      for (GossipPeerId peer : node.router.meshPeers(TOPIC)) {
        assertThat(net.nodeOf(peer).router.meshPeers(TOPIC)).contains(node.id);
      }
    }
  }

  @Test
  void duplicatesReachingANodeFromSeveralMeshPeersAreDeliveredOnce() {
    GossipTestNetwork net = meshOf12(3);
    net.node(0).router.publish(TOPIC, payload(1));
    net.deliverAll();
    long duplicates = net.nodes.stream().mapToLong(n -> n.router.metrics().duplicates()).sum();
    assertThat(duplicates).isPositive(); // a mesh of degree ≥ 6 on 12 nodes must produce copies
    for (int i = 1; i < 12; i++) {
      assertThat(net.node(i).received(TOPIC)).containsExactly(payload(1));
    }
  }

  @Test
  void invalidPublisherIsPrunedAndGraylisted() {
    PeerScoreParams scoring =
        PeerScoreParams.defaults().withTopic(TOPIC, TopicScoreParams.defaults());
    GossipTestNetwork net =
        new GossipTestNetwork(
            12, 4, true, GossipParams.defaults(), scoring, PeerScoreThresholds.defaults());
    net.connectRandom(7);
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.nodes.forEach(
        n ->
            n.router.setValidator(
                TOPIC,
                (from, m) ->
                    CompletableFuture.completedFuture(
                        m.data().get(0) == (byte) 0xFF
                            ? ValidationResult.REJECT
                            : ValidationResult.ACCEPT)));
    net.deliverAll();
    net.heartbeats(3);
    GossipTestNetwork.Node bad = net.node(0);
    List<GossipTestNetwork.Node> neighbours =
        net.nodes.stream().filter(n -> net.connected(n.id, bad.id)).toList();
    for (int i = 0; i < 3; i++) {
      bad.router.publish(TOPIC, Bytes.of(0xFF, i));
      net.deliverAll();
    }
    net.heartbeat();
    assertThat(neighbours).isNotEmpty();
    for (GossipTestNetwork.Node n : neighbours) {
      assertThat(n.router.score(bad.id))
          .isLessThan(PeerScoreThresholds.defaults().graylistThreshold());
      assertThat(n.router.meshPeers(TOPIC)).doesNotContain(bad.id);
      assertThat(n.received(TOPIC)).isEmpty();
      assertThat(n.router.metrics().rejected()).isPositive();
    }
    // the invalid messages were never forwarded past the neighbours
    net.nodes.forEach(n -> assertThat(n.received(TOPIC)).isEmpty());
    // further RPCs of the graylisted node are dropped whole
    bad.router.publish(TOPIC, Bytes.of(0x01, 0x02));
    net.deliverAll();
    assertThat(neighbours.stream().mapToLong(n -> n.router.metrics().graylistedRpcs()).sum())
        .isPositive();
  }

  @Test
  void nonSubscribedPublisherUsesFanoutUntilItExpires() {
    GossipParams params = GossipParams.defaults().withFloodPublish(false);
    GossipTestNetwork net =
        new GossipTestNetwork(
            12, 5, true, params, PeerScoreParams.defaults(), PeerScoreThresholds.defaults());
    net.connectRandom(7);
    for (int i = 1; i < 12; i++) {
      net.node(i).subscribe(TOPIC);
    }
    net.deliverAll();
    net.heartbeats(3);
    GossipTestNetwork.Node publisher = net.node(0);
    GossipRouter.PublishResult result = publisher.router.publish(TOPIC, payload(7));
    net.deliverAll();
    assertThat(publisher.router.meshPeers(TOPIC)).isEmpty();
    assertThat(publisher.router.fanoutPeers(TOPIC))
        .hasSize(result.recipients())
        .hasSizeBetween(1, params.d());
    for (int i = 1; i < 12; i++) {
      assertThat(net.node(i).received(TOPIC)).containsExactly(payload(7));
    }
    net.heartbeats((int) (params.fanoutTtlMillis() / 1_000) + 1);
    assertThat(publisher.router.fanoutPeers(TOPIC)).isEmpty();
  }

  @Test
  void allMessagesArriveWithoutFloodPublishing() {
    GossipParams params = GossipParams.defaults().withFloodPublish(false);
    GossipTestNetwork net =
        new GossipTestNetwork(
            12, 6, false, params, PeerScoreParams.defaults(), PeerScoreThresholds.defaults());
    net.connectRandom(7);
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.deliverAll();
    net.heartbeats(3);
    for (int i = 0; i < 12; i++) {
      net.node(i).router.publish(TOPIC, payload(i));
      net.deliverAll();
    }
    for (GossipTestNetwork.Node node : net.nodes) {
      assertThat(node.received(TOPIC)).hasSize(11).doesNotContain(payload(node.index));
    }
  }

  @Test
  void lostMessageIsRecoveredThroughIhaveAndIwant() {
    GossipTestNetwork net = GossipTestNetwork.withDefaults(16, 8);
    net.connectRandom(7);
    for (int i = 0; i < 15; i++) {
      net.connect(15, i); // more neighbours than D_high: some are outside its mesh and gossip
    }
    net.nodes.forEach(n -> n.subscribe(TOPIC));
    net.deliverAll();
    net.heartbeats(5);
    GossipTestNetwork.Node victim = net.node(15);
    assertThat(victim.router.meshPeers(TOPIC).size()).isLessThan(15);
    net.lose = d -> d.to().equals(victim.id) && !d.rpc().messages().isEmpty();
    net.node(0).router.publish(TOPIC, payload(42));
    net.deliverAll();
    assertThat(victim.received(TOPIC)).isEmpty();
    net.lose = d -> false;
    net.heartbeats(3); // gossip windows cover the message for 3 heartbeats
    assertThat(victim.received(TOPIC)).containsExactly(payload(42));
  }
}
