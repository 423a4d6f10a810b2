package io.basalt.networking.gossip;

import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Global score parameters of gossipsub v1.1 (topic parameters, P5–P7, decay). Durations are
 * milliseconds.
 *
 * @param topics parameters of scored topics; other topics contribute nothing
 * @param topicScoreCap cap of the summed positive topic contribution, 0 for none
 * @param appSpecificScore P5 callback, evaluated on every score computation
 * @param ipColocationFactorThreshold peers sharing an IP beyond this count are penalized (P6)
 * @param behaviourPenaltyThreshold P7 counts only above this value
 * @param decayToZero counters decaying below this become 0
 * @param retainScoreMillis how long the score of a disconnected peer is remembered
 */
public record PeerScoreParams(
    Map<String, TopicScoreParams> topics,
    double topicScoreCap,
    ToDoubleFunction<GossipPeerId> appSpecificScore,
    double appSpecificWeight,
    double ipColocationFactorWeight,
    int ipColocationFactorThreshold,
    double behaviourPenaltyWeight,
    double behaviourPenaltyThreshold,
    double behaviourPenaltyDecay,
    long decayIntervalMillis,
    double decayToZero,
    long retainScoreMillis) {

  public PeerScoreParams {
    topics = Map.copyOf(topics);
    if (topicScoreCap < 0
        || ipColocationFactorWeight > 0
        || ipColocationFactorThreshold < 1
        || behaviourPenaltyWeight > 0
        || behaviourPenaltyThreshold < 0
        || decayIntervalMillis <= 0
        || decayToZero <= 0
        || retainScoreMillis < 0) {
      throw new IllegalArgumentException("invalid peer score parameters");
    }
    TopicScoreParams.checkDecay(behaviourPenaltyDecay);
  }

  /** No topic scoring; P7 behaviour penalties active; P5 and P6 off. */
  public static PeerScoreParams defaults() {
    return new PeerScoreParams(Map.of(), 0, p -> 0, 0, 0, 1, -1, 0, 0.9, 1_000, 0.01, 60_000);
  }

  public PeerScoreParams withTopic(String topic, TopicScoreParams params) {
    Map<String, TopicScoreParams> all = new java.util.HashMap<>(topics);
    all.put(topic, params);
    return new PeerScoreParams(
        all,
        topicScoreCap,
        appSpecificScore,
        appSpecificWeight,
        ipColocationFactorWeight,
        ipColocationFactorThreshold,
        behaviourPenaltyWeight,
        behaviourPenaltyThreshold,
        behaviourPenaltyDecay,
        decayIntervalMillis,
        decayToZero,
        retainScoreMillis);
  }
}
