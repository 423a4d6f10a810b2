package io.basalt.networking.gossip;

import static io.basalt.networking.gossip.RouterFixture.TOPIC;
import static io.basalt.networking.gossip.RouterFixture.control;
import static io.basalt.networking.gossip.RouterFixture.graft;
import static io.basalt.networking.gossip.RouterFixture.idOf;
import static io.basalt.networking.gossip.RouterFixture.ihave;
import static io.basalt.networking.gossip.RouterFixture.iwant;
import static io.basalt.networking.gossip.RouterFixture.message;
import static io.basalt.networking.gossip.RouterFixture.prune;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** One router against scripted fake peers: control messages, backoff, gossip, promises. */
class GossipRouterTest {

  @Test
  void subscribingGraftsUpToDPeersAndAnnouncesTheTopic() {
    RouterFixture f = new RouterFixture();
    List<GossipPeerId> peers = f.connectSubscribed(10);
    f.subscribe();
    assertThat(f.router.meshPeers(TOPIC)).hasSize(8);
    for (GossipPeerId p : peers) {
      assertThat(f.sentTo(p).stream().flatMap(r -> r.subscriptions().stream()))
          .containsExactly(new Rpc.SubOpts(true, TOPIC));
      assertThat(f.graftsSentTo(p)).hasSize(f.router.meshPeers(TOPIC).contains(p) ? 1 : 0);
    }
  }

  @Test
  void pruneBackoffIsRespectedByTheHeartbeat() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.heartbeat();
    assertThat(f.router.meshPeers(TOPIC)).containsExactly(p);
    f.router.onRpc(p, control(prune(TOPIC, List.of(), Optional.of(60L))));
    assertThat(f.router.meshPeers(TOPIC)).isEmpty();
    f.sent.clear();
    for (int i = 0; i < 59; i++) {
      f.heartbeat(); // mesh is below D_low, yet p is backed off
    }
    assertThat(f.graftsSentTo(p)).isEmpty();
    assertThat(f.router.meshPeers(TOPIC)).isEmpty();
    f.heartbeat();
    f.heartbeat();
    f.heartbeat(); // 62 s: backoff plus one heartbeat of slack are over
    assertThat(f.graftsSentTo(p)).containsExactly(TOPIC);
    assertThat(f.router.meshPeers(TOPIC)).containsExactly(p);
  }

  @Test
  void graftDuringOurBackoffIsRefusedAndPenalized() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.heartbeat();
    f.router.onRpc(p, control(prune(TOPIC, List.of(), Optional.of(60L))));
    double before = f.router.score(p);
    f.sent.clear();
    f.router.onRpc(p, control(graft(TOPIC)));
    assertThat(f.router.meshPeers(TOPIC)).isEmpty();
    assertThat(f.prunesSentTo(p)).hasSize(1);
    assertThat(f.prunesSentTo(p).get(0).backoffSeconds()).contains(60L);
    assertThat(f.router.score(p)).isLessThan(before);
  }

  @Test
  void graftIntoAFullMeshIsAnsweredWithPruneAndPeerExchange() {
    RouterFixture f = new RouterFixture();
    f.subscribe(); // before the peers arrive: the mesh starts empty
    List<GossipPeerId> peers = f.connectSubscribed(20);
    for (GossipPeerId p : peers.subList(0, 12)) {
      f.router.onRpc(p, control(graft(TOPIC)));
    }
    assertThat(f.router.meshPeers(TOPIC)).hasSize(12);
    GossipPeerId late = peers.get(19);
    f.router.onRpc(late, control(graft(TOPIC)));
    assertThat(f.router.meshPeers(TOPIC)).doesNotContain(late);
    Rpc.Prune prune = f.prunesSentTo(late).get(0);
    assertThat(prune.peers()).hasSize(f.params.prunePeers());
    assertThat(prune.peers()).noneMatch(info -> info.peerId().orElseThrow().equals(late.bytes()));
  }

  @Test
  void graftForUnknownTopicIsPrunedWithoutPeerExchange() {
    RouterFixture f = new RouterFixture();
    GossipPeerId p = f.connectSubscribed(3).get(0);
    f.router.onRpc(p, control(graft("other")));
    assertThat(f.prunesSentTo(p)).singleElement().satisfies(pr -> assertThat(pr.peers()).isEmpty());
    assertThat(f.router.isBackedOff("other", p)).isFalse(); // no state for unknown topics
  }

  @Test
  void peerExchangeIsFollowedOnlyFromWellScoredPeers() {
    GossipPeerId good = RouterFixture.peer(0);
    PeerScoreParams params =
        new PeerScoreParams(
            java.util.Map.of(),
            0,
            p -> p.equals(good) ? 20 : 0,
            1,
            0,
            1,
            -1,
            0,
            0.9,
            1_000,
            0.01,
            0);
    RouterFixture f = new RouterFixture(GossipParams.defaults(), params);
    f.subscribe();
    List<GossipPeerId> peers = f.connectSubscribed(2);
    List<Rpc.PeerInfo> offered =
        List.of(new Rpc.PeerInfo(Optional.of(Bytes.of(9)), Optional.empty()));
    f.router.onRpc(peers.get(1), control(prune(TOPIC, offered, Optional.of(60L))));
    assertThat(f.pxOffers).isEmpty(); // score 0 < accept-PX threshold 10
    f.router.onRpc(good, control(prune(TOPIC, offered, Optional.of(60L))));
    assertThat(f.pxOffers).containsExactly(offered);
  }

  @Test
  void ihaveAndIwantRecoverAMessageForANonMeshPeer() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.router.onRpc(p, control(prune(TOPIC, List.of(), Optional.of(600L)))); // keeps p out of mesh
    GossipRouter.PublishResult published = f.router.publish(TOPIC, Bytes.of(1, 2, 3));
    f.sent.clear();
    f.heartbeat();
    assertThat(f.router.meshPeers(TOPIC)).isEmpty();
    assertThat(f.ihavesSentTo(p))
        .singleElement()
        .satisfies(ih -> assertThat(ih.messageIds()).containsExactly(published.id()));
    f.router.onRpc(p, control(iwant(published.id())));
    assertThat(f.messagesSentTo(p)).extracting(PubMessage::data).containsExactly(Bytes.of(1, 2, 3));
  }

  @Test
  void iwantRetransmissionsArePerPeerLimited() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    MessageId id = f.router.publish(TOPIC, Bytes.of(7)).id();
    f.sent.clear();
    for (int i = 0; i < 10; i++) {
      f.router.onRpc(p, control(iwant(id)));
    }
    assertThat(f.messagesSentTo(p)).hasSize(f.params.gossipRetransmission());
  }

  @Test
  void ihaveOfAnUnseenMessageIsAnsweredWithIwantAndTheMessageIsDelivered() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    PubMessage m = message("gossiped");
    f.router.onRpc(p, control(ihave(TOPIC, idOf(m))));
    assertThat(f.iwantsSentTo(p))
        .singleElement()
        .satisfies(iw -> assertThat(iw.messageIds()).containsExactly(idOf(m)));
    f.router.onRpc(p, Rpc.ofMessages(List.of(m)));
    assertThat(f.delivered).containsExactly(m);
    // the promise was kept: no penalty after the follow-up time
    f.clock.advance(5_000);
    f.heartbeat();
    assertThat(f.router.score(p)).isZero();
    assertThat(f.router.metrics().brokenPromises()).isZero();
  }

  @Test
  void brokenIwantPromisePenalizesTheAdvertiser() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.router.onRpc(p, control(ihave(TOPIC, new MessageId(Bytes.of(1, 2)))));
    assertThat(f.iwantsSentTo(p)).hasSize(1);
    f.clock.advance(f.params.iwantFollowupMillis());
    f.heartbeat();
    assertThat(f.router.metrics().brokenPromises()).isEqualTo(1);
    assertThat(f.router.score(p)).isNegative();
  }

  @Test
  void ihaveFromTheSamePeerIsLimitedPerHeartbeat() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    for (int i = 0; i < 50; i++) {
      f.router.onRpc(p, control(ihave(TOPIC, new MessageId(Bytes.of(i)))));
    }
    assertThat(f.iwantsSentTo(p)).hasSize(f.params.maxIHaveMessages());
  }

  @Test
  void messageSeenTwiceIsDeliveredOnce() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    List<GossipPeerId> peers = f.connectSubscribed(3);
    PubMessage m = message("hello");
    for (GossipPeerId p : peers) {
      f.router.onRpc(p, Rpc.ofMessages(List.of(m, m)));
    }
    assertThat(f.delivered).containsExactly(m);
    assertThat(f.router.metrics().duplicates()).isEqualTo(5);
  }

  @Test
  void messagesWithAuthorFieldsAreRejectedUnderStrictNoSign() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    PubMessage signed =
        new PubMessage(
            Optional.of(Bytes.of(1)),
            Bytes.of(2),
            Optional.of(Bytes.of(3)),
            TOPIC,
            Optional.empty(),
            Optional.empty());
    f.router.onRpc(p, Rpc.ofMessages(List.of(signed)));
    assertThat(f.delivered).isEmpty();
    assertThat(f.router.metrics().invalidAuthorFields()).isEqualTo(1);
  }

  @Test
  void messagesOfTopicsWeDoNotSubscribeAreDropped() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.router.onRpc(p, Rpc.ofMessages(List.of(PubMessage.unsigned("x", Bytes.of(1)))));
    assertThat(f.delivered).isEmpty();
    assertThat(f.router.metrics().unsubscribedTopicMessages()).isEqualTo(1);
  }

  @Test
  void unsubscribingPrunesTheMeshWithBackoff() {
    RouterFixture f = new RouterFixture();
    List<GossipPeerId> peers = f.connectSubscribed(4);
    f.subscribe();
    f.sent.clear();
    f.router.unsubscribe(TOPIC);
    for (GossipPeerId p : peers) {
      assertThat(f.prunesSentTo(p))
          .singleElement()
          .satisfies(pr -> assertThat(pr.backoffSeconds()).contains(10L));
      assertThat(f.router.isBackedOff(TOPIC, p)).isTrue();
    }
    assertThat(f.router.subscriptions()).isEmpty();
  }

  @Test
  void v10PeersGetPrunesWithoutBackoffOrPeerExchange() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId old = RouterFixture.peer(99);
    f.router.addPeer(old, GossipProtocol.MESHSUB_V10, false, Optional.empty());
    f.router.onRpc(old, control(graft("unknown")));
    assertThat(f.prunesSentTo(old))
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.backoffSeconds()).isEmpty();
              assertThat(pr.peers()).isEmpty();
            });
  }

  @Test
  void rpcsOfUnknownPeersAreIgnored() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    f.router.onRpc(RouterFixture.peer(5), Rpc.ofMessages(List.of(message("x"))));
    assertThat(f.delivered).isEmpty();
    assertThat(f.sent).isEmpty();
  }

  @Test
  void fanoutPeersBecomeTheMeshOnSubscribe() {
    RouterFixture f =
        new RouterFixture(
            GossipParams.defaults().withFloodPublish(false), PeerScoreParams.defaults());
    f.connectSubscribed(12);
    GossipRouter.PublishResult result = f.router.publish(TOPIC, Bytes.of(1));
    java.util.Set<GossipPeerId> fanout = java.util.Set.copyOf(f.router.fanoutPeers(TOPIC));
    assertThat(fanout).hasSize(f.params.d());
    assertThat(result.recipients()).isEqualTo(f.params.d());
    assertThat(f.router.publish(TOPIC, Bytes.of(1)).duplicate()).isTrue();
    f.subscribe();
    assertThat(f.router.meshPeers(TOPIC)).isEqualTo(fanout);
    assertThat(f.router.fanoutPeers(TOPIC)).isEmpty();
  }

  @Test
  void inconsistentParametersAreRefused() {
    GossipParams d = GossipParams.defaults();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new GossipParams(
                    8,
                    9,
                    12,
                    d.dLazy(),
                    d.dScore(),
                    d.dOut(),
                    d.historyLength(),
                    d.historyGossip(),
                    d.gossipFactor(),
                    d.maxIHaveLength(),
                    d.maxIHaveMessages(),
                    d.iwantFollowupMillis(),
                    d.gossipRetransmission(),
                    d.pruneBackoffMillis(),
                    d.unsubscribeBackoffMillis(),
                    d.graftFloodThresholdMillis(),
                    d.opportunisticGraftTicks(),
                    d.opportunisticGraftPeers(),
                    d.prunePeers(),
                    d.heartbeatIntervalMillis(),
                    d.fanoutTtlMillis(),
                    d.seenTtlMillis(),
                    d.floodPublish(),
                    d.maxPendingValidations(),
                    d.maxSeenMessages(),
                    d.maxCachedMessages(),
                    d.maxPromises(),
                    d.maxTopicsPerPeer()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void graftRightAfterTheBackoffEndsIsAcceptedWithoutPenalty() {
    RouterFixture f = new RouterFixture();
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    f.heartbeat();
    f.router.onRpc(p, control(prune(TOPIC, List.of(), Optional.of(60L))));
    f.clock.advance(60_000); // backoff over; our one-heartbeat slack is not theirs to honour
    f.router.onRpc(p, control(graft(TOPIC)));
    assertThat(f.router.meshPeers(TOPIC)).containsExactly(p);
    assertThat(f.router.score(p)).isZero();
  }
}
