package io.basalt.networking.gossip;

/**
 * Per-topic score parameters of gossipsub v1.1 (P1–P4). Weights of penalties (P3, P3b, P4) are
 * negative; durations are milliseconds; decays are per decay interval, in (0, 1).
 */
public record TopicScoreParams(
    double topicWeight,
    // P1: time in mesh
    double timeInMeshWeight,
    long timeInMeshQuantumMillis,
    double timeInMeshCap,
    // P2: first message deliveries
    double firstMessageDeliveriesWeight,
    double firstMessageDeliveriesDecay,
    double firstMessageDeliveriesCap,
    // P3: mesh message delivery deficit
    double meshMessageDeliveriesWeight,
    double meshMessageDeliveriesDecay,
    double meshMessageDeliveriesCap,
    double meshMessageDeliveriesThreshold,
    long meshMessageDeliveriesWindowMillis,
    long meshMessageDeliveriesActivationMillis,
    // P3b: mesh failure penalty
    double meshFailurePenaltyWeight,
    double meshFailurePenaltyDecay,
    // P4: invalid messages
    double invalidMessageDeliveriesWeight,
    double invalidMessageDeliveriesDecay) {

  public TopicScoreParams {
    if (topicWeight < 0
        || timeInMeshWeight < 0
        || timeInMeshQuantumMillis <= 0
        || firstMessageDeliveriesWeight < 0
        || meshMessageDeliveriesWeight > 0
        || meshFailurePenaltyWeight > 0
        || invalidMessageDeliveriesWeight > 0) {
      throw new IllegalArgumentException("topic score weights have the wrong sign: " + topicWeight);
    }
    checkDecay(firstMessageDeliveriesDecay);
    checkDecay(meshMessageDeliveriesDecay);
    checkDecay(meshFailurePenaltyDecay);
    checkDecay(invalidMessageDeliveriesDecay);
  }

  static void checkDecay(double decay) {
    if (!(decay > 0 && decay < 1)) {
      throw new IllegalArgumentException("decay must be in (0, 1): " + decay);
    }
  }

  /**
   * Moderate defaults for a topic carrying a steady message flow: P3 activates after 10 s in the
   * mesh with a threshold of 1 delivery; invalid messages weigh heavily and are forgotten slowly
   * (P4 decays by 1% per interval).
   */
  public static TopicScoreParams defaults() {
    return new TopicScoreParams(
        1.0, 0.01, 1_000, 3_600, 1.0, 0.5, 100, -1.0, 0.5, 100, 1, 2_000, 10_000, -1.0, 0.5, -100.0,
        0.99);
  }
}
