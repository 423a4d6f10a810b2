package io.basalt.node.p2p;

import io.basalt.networking.gossip.PeerScoreParams;
import io.basalt.networking.gossip.TopicScoreParams;

/**
 * Gossipsub scoring for the chain's topics. Every topic is scored the same way: P1 (time in mesh)
 * and P2 (first deliveries) reward useful peers, P4 punishes invalid messages hard (−100 per
 * invalid message squared, forgotten slowly). P3 (mesh delivery deficit) is off: many topics (a
 * quiet shard, slashings) carry no steady flow, and P3 would then punish honest peers.
 */
final class ChainScoring {

  private ChainScoring() {}

  static TopicScoreParams topicParams() {
    return new TopicScoreParams(
        1.0, 0.01, 1_000, 3_600, 1.0, 0.5, 100, 0, 0.5, 100, 1, 2_000, 10_000, 0, 0.5, -100.0,
        0.99);
  }

  /** Default peer scoring with {@link #topicParams()} for each of {@code topics}. */
  static PeerScoreParams withTopics(Iterable<String> topics) {
    PeerScoreParams params = PeerScoreParams.defaults();
    for (String topic : topics) {
      params = params.withTopic(topic, topicParams());
    }
    return params;
  }
}
