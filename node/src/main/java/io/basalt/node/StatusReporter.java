package io.basalt.node;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.logging.SlotStatus;
import io.basalt.node.logging.StatusLine;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.p2p.P2PNetwork;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a slot: the status line in the log and the chain gauges in the metrics. Transactions per
 * second per shard are those of the shard blocks imported since the last report.
 */
final class StatusReporter {

  private static final Logger LOG = LoggerFactory.getLogger("basalt.status");

  private final NodeChain<PeerId> chain;
  private final P2PNetwork network;
  private final NodeMetrics metrics;
  private final AtomicLongArray transactions;
  private long lastReportMillis = System.currentTimeMillis();

  StatusReporter(
      NodeChain<PeerId> chain,
      P2PNetwork network,
      NodeMetrics metrics,
      AtomicLongArray transactions) {
    this.chain = chain;
    this.network = network;
    this.metrics = metrics;
    this.transactions = transactions;
  }

  void report(Slot slot) {
    NodeChain.Status status = chain.status();
    long now = System.currentTimeMillis();
    double seconds = Math.max(0.001, (now - lastReportMillis) / 1000.0);
    lastReportMillis = now;
    Map<ShardId, Long> heights = new LinkedHashMap<>();
    double totalTps = 0;
    for (int shard = 0; shard < status.shardHeights().length; shard++) {
      ShardId id = ShardId.of(shard);
      heights.put(id, status.shardHeights()[shard]);
      double tps = transactions.getAndSet(shard, 0) / seconds;
      totalTps += tps;
      metrics.setShardHeadHeight(id, status.shardHeights()[shard]);
      metrics.setShardTps(id, tps);
      metrics.setShardMempoolSize(id, status.mempoolSizes()[shard]);
      metrics.setShardMempoolQueued(id, status.mempoolQueued()[shard]);
    }
    metrics.setHeadSlot(status.headSlot());
    metrics.setJustifiedEpoch(status.justified().epoch());
    metrics.setFinalizedEpoch(status.finalized().epoch());
    metrics.setPeers(network.peerCount());
    LOG.info(
        StatusLine.format(
            new SlotStatus(
                slot,
                chain.beacon().accessors().misc().computeEpochAtSlot(slot),
                status.headRoot(),
                status.headSlot(),
                status.justified().epoch(),
                status.finalized().epoch(),
                network.peerCount(),
                heights,
                totalTps)));
  }
}
