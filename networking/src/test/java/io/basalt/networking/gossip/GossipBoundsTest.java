package io.basalt.networking.gossip;

import static io.basalt.networking.gossip.RouterFixture.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** A flooding peer cannot grow the router's caches beyond their caps. */
class GossipBoundsTest {

  private static GossipParams small() {
    GossipParams d = GossipParams.defaults();
    return new GossipParams(
        d.d(),
        d.dLow(),
        d.dHigh(),
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
        16,
        200,
        100,
        50,
        20);
  }

  @Test
  void floodOfDistinctMessagesStaysWithinCaps() {
    RouterFixture f = new RouterFixture(small(), PeerScoreParams.defaults());
    f.subscribe();
    GossipPeerId p = f.connectSubscribed(1).get(0);
    for (int i = 0; i < 2_000; i++) {
      f.router.onRpc(
          p, Rpc.ofMessages(List.of(PubMessage.unsigned(TOPIC, Bytes.ofUnsignedInt(i)))));
    }
    assertThat(f.router.cacheSizes().get("seen")).isLessThanOrEqualTo(200);
    assertThat(f.router.cacheSizes().get("mcache")).isLessThanOrEqualTo(100);
    assertThat(f.router.cacheSizes().get("scoreDeliveries")).isLessThanOrEqualTo(200);
    assertThat(f.delivered).hasSize(2_000);
  }

  @Test
  void floodOfIhavesStaysWithinPromiseCap() {
    RouterFixture f = new RouterFixture(small(), PeerScoreParams.defaults());
    f.subscribe();
    List<GossipPeerId> peers = f.connectSubscribed(20);
    for (int round = 0; round < 5; round++) {
      for (GossipPeerId p : peers) {
        for (int i = 0; i < 10; i++) {
          MessageId id =
              new MessageId(Bytes.ofUnsignedLong(round * 1_000_000L + p.hashCode() * 100L + i));
          f.router.onRpc(p, RouterFixture.control(RouterFixture.ihave(TOPIC, id)));
        }
      }
      f.router.heartbeat();
    }
    assertThat(f.router.cacheSizes().get("promises")).isLessThanOrEqualTo(50);
  }

  @Test
  void peerSubscribingToManyTopicsIsCapped() {
    RouterFixture f = new RouterFixture(small(), PeerScoreParams.defaults());
    GossipPeerId p = f.connectSubscribed(1).get(0);
    for (int i = 0; i < 100; i++) {
      f.router.onRpc(
          p, new Rpc(List.of(new Rpc.SubOpts(true, "topic-" + i)), List.of(), Rpc.Control.EMPTY));
    }
    long tracked =
        java.util.stream.IntStream.range(0, 100)
            .filter(i -> f.router.topicPeers("topic-" + i).contains(p))
            .count();
    assertThat(tracked).isEqualTo(19); // 20 per peer, one of them is TOPIC
  }

  @Test
  void outboxDropsBeyondItsCapacity() {
    PeerOutbox outbox = new PeerOutbox(3);
    GossipPeerId p = RouterFixture.peer(1);
    for (int i = 0; i < 10; i++) {
      outbox.send(p, Rpc.EMPTY);
    }
    assertThat(outbox.queued(p)).isEqualTo(3);
    assertThat(outbox.dropped()).isEqualTo(7);
    assertThat(outbox.poll(p)).contains(Rpc.EMPTY);
    assertThat(outbox.queued(p)).isEqualTo(2);
  }
}
