package io.basalt.node;

import io.basalt.networking.gossip.ValidationResult;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.p2p.P2PMetricsListener;

/** The p2p layer's counters into the node's metrics. */
record MetricsP2PListener(NodeMetrics metrics) implements P2PMetricsListener {

  @Override
  public void gossipVerdict(String topicName, ValidationResult result) {
    metrics.gossipMessage(topicName, result);
  }

  @Override
  public void queueDropped(String queueName) {
    metrics.queueDropped(queueName);
  }

  @Override
  public void peerCount(int peers) {
    metrics.setPeers(peers);
  }
}
