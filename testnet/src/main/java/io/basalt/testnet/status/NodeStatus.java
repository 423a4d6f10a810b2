package io.basalt.testnet.status;

import java.util.List;

/**
 * One node's state as its metrics report it; {@link #DOWN} when the node does not answer.
 *
 * @param shardHeights block number of each shard's head, by shard index
 * @param shardTps transactions per second in recent blocks, by shard index
 */
public record NodeStatus(
    boolean up,
    long headSlot,
    long justifiedEpoch,
    long finalizedEpoch,
    int peers,
    List<Long> shardHeights,
    List<Double> shardTps) {

  public static final NodeStatus DOWN = new NodeStatus(false, -1, -1, -1, 0, List.of(), List.of());

  public NodeStatus {
    shardHeights = List.copyOf(shardHeights);
    shardTps = List.copyOf(shardTps);
  }

  /** The metrics of a node with {@code shards} shards. */
  public static NodeStatus from(PrometheusText metrics, int shards) {
    Long[] heights = new Long[shards];
    Double[] tps = new Double[shards];
    for (int i = 0; i < shards; i++) {
      String shard = Integer.toString(i);
      heights[i] = (long) metrics.get("basalt_shard_head_height", "shard", shard).orElse(-1);
      tps[i] = metrics.get("basalt_shard_tps", "shard", shard).orElse(0);
    }
    return new NodeStatus(
        true,
        (long) metrics.get("basalt_head_slot").orElse(-1),
        (long) metrics.get("basalt_justified_epoch").orElse(-1),
        (long) metrics.get("basalt_finalized_epoch").orElse(-1),
        (int) metrics.get("basalt_peers").orElse(0),
        List.of(heights),
        List.of(tps));
  }

  public double totalTps() {
    return shardTps.stream().mapToDouble(Double::doubleValue).sum();
  }
}
