package io.basalt.networking.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The score function P1–P7 and its decay, with hand-computed expectations. */
class PeerScoreTest {
  private static final String T = "t";
  private static final GossipPeerId A = GossipPeerId.of("a");
  private static final GossipPeerId B = GossipPeerId.of("b");
  private static final GossipPeerId C = GossipPeerId.of("c");

  // weight 1; P1 0.5/s cap 10; P2 1 cap 3; P3 −2 threshold 4, window 100 ms, activation 5 s;
  // P3b −3; P4 −5; every decay 0.5
  private static final TopicScoreParams TOPIC =
      new TopicScoreParams(
          1, 0.5, 1_000, 10, 1, 0.5, 3, -2, 0.5, 20, 4, 100, 5_000, -3, 0.5, -5, 0.5);

  private static PeerScoreParams params(double appWeight, double ipWeight) {
    return new PeerScoreParams(
        Map.of(T, TOPIC),
        0,
        p -> p.equals(A) ? 2 : 0,
        appWeight,
        ipWeight,
        1,
        -4,
        1,
        0.5,
        1_000,
        0.01,
        10_000);
  }

  private static MessageId id(int i) {
    return new MessageId(Bytes.of(i));
  }

  @Test
  void timeInMeshGrowsPerQuantumUpToTheCap() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    score.graft(A, T, 0);
    assertThat(score.score(A, 3_000)).isEqualTo(1.5);
    assertThat(score.score(A, 4_999)).isCloseTo(2.4995, within(1e-9));
    assertThat(score.score(A, 100_000)).isEqualTo(5.0); // 0.5 × cap 10
  }

  @Test
  void firstDeliveriesAreCappedAndDecay() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    for (int i = 0; i < 5; i++) {
      score.messageReceived(A, id(i), 0);
      score.messageAccepted(A, id(i), T, 0);
    }
    assertThat(score.score(A, 0)).isEqualTo(3.0);
    score.refresh(1_000);
    assertThat(score.score(A, 1_000)).isEqualTo(1.5);
  }

  @Test
  void meshDeliveryDeficitCountsOnlyAfterActivationAndStaysAsFailurePenalty() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    score.graft(A, T, 0);
    score.refresh(4_000);
    assertThat(score.score(A, 4_000)).isEqualTo(2.0); // P1 only, P3 not active yet
    score.messageReceived(A, id(1), 4_000);
    score.messageAccepted(A, id(1), T, 4_000); // P2 1, mesh deliveries 1 → decays with refreshes
    score.refresh(5_000); // activates; decays: P2 0.5, mesh deliveries 0.5
    // P1 2.5, P2 0.5, P3 −2 × (4 − 0.5)² = −24.5
    assertThat(score.score(A, 5_000)).isCloseTo(2.5 + 0.5 - 24.5, within(1e-9));
    score.prune(A, T); // P3b: deficit² = 12.25 kept, weight −3
    assertThat(score.score(A, 5_000)).isCloseTo(0.5 - 36.75, within(1e-9));
  }

  @Test
  void duplicatesFromMeshPeersWithinTheWindowCountAsMeshDeliveries() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    score.addPeer(B, Optional.empty());
    score.addPeer(C, Optional.empty());
    score.graft(B, T, 0);
    score.graft(C, T, 0);
    score.refresh(5_000); // active
    score.messageReceived(A, id(1), 5_000);
    score.messageAccepted(A, id(1), T, 5_000);
    score.duplicateMessage(B, id(1), T, 5_050); // within 100 ms: counts
    score.duplicateMessage(C, id(1), T, 5_200); // too late
    // B: P1 2.5, P3 −2 × (4−1)² = −18; C: P1 2.5, P3 −2 × 16 = −32
    assertThat(score.score(B, 5_000)).isCloseTo(2.5 - 18, within(1e-9));
    assertThat(score.score(C, 5_000)).isCloseTo(2.5 - 32, within(1e-9));
  }

  @Test
  void invalidMessagesArePenalizedQuadratically() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    score.addPeer(B, Optional.empty());
    for (int i = 0; i < 3; i++) {
      score.messageReceived(A, id(i), 0);
      score.messageRejected(id(i), T, 0);
      score.duplicateMessage(B, id(i), T, 1); // B relayed a known-invalid message
    }
    assertThat(score.score(A, 0)).isEqualTo(-45.0);
    assertThat(score.score(B, 0)).isEqualTo(-45.0);
  }

  @Test
  void appSpecificIpColocationAndBehaviourPenalty() {
    PeerScore score = new PeerScore(params(3, -7), 0, 60_000, 100);
    score.addPeer(A, Optional.of("10.0.0.1"));
    assertThat(score.score(A, 0)).isEqualTo(6.0); // P5: 3 × 2
    score.addPeer(B, Optional.of("10.0.0.1"));
    score.addPeer(C, Optional.of("10.0.0.1"));
    assertThat(score.score(B, 0)).isEqualTo(-28.0); // P6: surplus 2 → −7 × 4
    score.addPenalty(C, 3); // P7: threshold 1 → (3 − 1)² × −4
    assertThat(score.score(C, 0)).isEqualTo(-28.0 - 16.0);
    score.refresh(1_000); // penalty 1.5 → (0.5)² × −4
    assertThat(score.score(C, 1_000)).isEqualTo(-28.0 - 1.0);
  }

  @Test
  void negativeScoreIsRetainedAfterDisconnectUntilExpiry() {
    PeerScore score = new PeerScore(params(0, 0), 0, 60_000, 100);
    score.addPeer(A, Optional.empty());
    score.addPenalty(A, 5);
    score.removePeer(A, 0);
    score.addPeer(A, Optional.empty());
    assertThat(score.score(A, 0)).isEqualTo(-64.0);
    score.removePeer(A, 0);
    score.refresh(10_001);
    assertThat(score.trackedPeers()).isZero();
    assertThat(score.score(A, 10_001)).isZero();
  }
}
