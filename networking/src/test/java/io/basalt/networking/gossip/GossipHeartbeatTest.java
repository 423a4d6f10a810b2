package io.basalt.networking.gossip;

import static io.basalt.networking.gossip.RouterFixture.TOPIC;
import static io.basalt.networking.gossip.RouterFixture.control;
import static io.basalt.networking.gossip.RouterFixture.graft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mesh maintenance of the heartbeat: oversubscription, D_out, opportunistic grafting. */
class GossipHeartbeatTest {

  private static RouterFixture withAppScore(ToDoubleFunction<GossipPeerId> appScore) {
    PeerScoreParams params =
        new PeerScoreParams(Map.of(), 0, appScore, 1, 0, 1, -1, 0, 0.9, 1_000, 0.01, 0);
    return new RouterFixture(GossipParams.defaults(), params);
  }

  @Test
  void oversubscribedMeshKeepsTheBestScoredAndEnoughOutboundPeers() {
    Set<GossipPeerId> best =
        Set.of(
            RouterFixture.peer(0),
            RouterFixture.peer(1),
            RouterFixture.peer(2),
            RouterFixture.peer(3));
    RouterFixture f = withAppScore(p -> best.contains(p) ? 5 : 0);
    f.subscribe();
    List<GossipPeerId> peers = IntStream.range(0, 16).mapToObj(i -> f.connect(i, i >= 12)).toList();
    peers.forEach(p -> f.router.onRpc(p, control(graft(TOPIC))));
    assertThat(f.router.meshPeers(TOPIC)).hasSize(16); // outbound GRAFTs pass D_high
    f.sent.clear();
    f.heartbeat();
    Set<GossipPeerId> mesh = f.router.meshPeers(TOPIC);
    assertThat(mesh).hasSize(f.params.d()).containsAll(best);
    assertThat(mesh.stream().filter(p -> peers.indexOf(p) >= 12).count())
        .isGreaterThanOrEqualTo(f.params.dOut());
    for (GossipPeerId p : peers) {
      if (!mesh.contains(p)) {
        assertThat(f.prunesSentTo(p))
            .singleElement()
            .satisfies(pr -> assertThat(pr.backoffSeconds()).contains(60L));
        assertThat(f.router.isBackedOff(TOPIC, p)).isTrue();
      }
    }
  }

  @Test
  void outboundPeersAreGraftedWhenTheMeshHasTooFew() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    IntStream.range(0, 8).forEach(i -> f.connect(i, false));
    f.heartbeat();
    assertThat(f.router.meshPeers(TOPIC)).hasSize(8);
    GossipPeerId out1 = f.connect(8, true);
    GossipPeerId out2 = f.connect(9, true);
    GossipPeerId out3 = f.connect(10, true);
    f.heartbeat();
    long outbound =
        f.router.meshPeers(TOPIC).stream()
            .filter(p -> List.of(out1, out2, out3).contains(p))
            .count();
    assertThat(outbound).isEqualTo(f.params.dOut());
  }

  @Test
  void opportunisticGraftingAddsBetterPeersWhenTheMedianIsLow() {
    Set<GossipPeerId> good =
        Set.of(RouterFixture.peer(20), RouterFixture.peer(21), RouterFixture.peer(22));
    RouterFixture f = withAppScore(p -> good.contains(p) ? 10 : 0);
    f.subscribe();
    IntStream.range(0, 8).forEach(i -> f.connect(i, true));
    f.heartbeat();
    assertThat(f.router.meshPeers(TOPIC)).hasSize(8);
    IntStream.of(20, 21, 22).forEach(i -> f.connect(i, true));
    for (int tick = 2; tick < f.params.opportunisticGraftTicks(); tick++) {
      f.heartbeat();
    }
    assertThat(f.router.meshPeers(TOPIC)).hasSize(8).doesNotContainAnyElementsOf(good);
    f.heartbeat(); // tick 60
    assertThat(f.router.meshPeers(TOPIC)).hasSize(8 + f.params.opportunisticGraftPeers());
    assertThat(f.router.meshPeers(TOPIC).stream().filter(good::contains).count())
        .isEqualTo(f.params.opportunisticGraftPeers());
  }

  @Test
  void negativelyScoredMeshPeersArePrunedWithoutPeerExchange() {
    GossipPeerId bad = RouterFixture.peer(0);
    RouterFixture f = withAppScore(p -> p.equals(bad) ? -1 : 0);
    f.subscribe();
    IntStream.range(0, 5).forEach(i -> f.connect(i, false));
    f.router.onRpc(bad, control(graft(TOPIC))); // refused: negative score
    assertThat(f.router.meshPeers(TOPIC)).doesNotContain(bad);
    assertThat(f.prunesSentTo(bad))
        .singleElement()
        .satisfies(pr -> assertThat(pr.peers()).isEmpty());
    f.heartbeat();
    assertThat(f.router.meshPeers(TOPIC)).hasSize(4).doesNotContain(bad);
  }
}
