package io.basalt.node.p2p;

import io.basalt.networking.gossip.ValidationResult;

/** Counters the node exports as metrics. Called from network threads; must not block. */
public interface P2PMetricsListener {

  P2PMetricsListener NONE =
      new P2PMetricsListener() {
        @Override
        public void gossipVerdict(String topicName, ValidationResult result) {}

        @Override
        public void queueDropped(String queueName) {}

        @Override
        public void peerCount(int peers) {}
      };

  /** One verdict on a received message; {@code topicName} e.g. "beacon_block", "shard_block_2". */
  void gossipVerdict(String topicName, ValidationResult result);

  /** A message dropped because its bounded queue was full (named after the message kind). */
  void queueDropped(String queueName);

  /** The number of connected peers, after each connection change. */
  void peerCount(int peers);
}
