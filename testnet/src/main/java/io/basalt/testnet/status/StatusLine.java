package io.basalt.testnet.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live status, one line per slot: wall-clock slot; the highest head; the lowest justified and
 * finalized epochs over the nodes that answer; each node's peer count ({@code -} when down); each
 * shard's highest head height and TPS.
 */
public final class StatusLine {

  private StatusLine() {}

  /**
   * @param slot the current wall-clock slot, or negative before genesis ({@code -seconds} to go)
   */
  public static String format(long slot, List<NodeStatus> nodes, int shards) {
    StringBuilder line = new StringBuilder();
    line.append(slot < 0 ? "genesis in " + -slot + "s" : "slot " + slot);
    List<NodeStatus> up = nodes.stream().filter(NodeStatus::up).toList();
    if (up.isEmpty()) {
      return line.append(" | no node answers yet").toString();
    }
    long head = up.stream().mapToLong(NodeStatus::headSlot).max().orElse(-1);
    long justified = up.stream().mapToLong(NodeStatus::justifiedEpoch).min().orElse(-1);
    long finalized = up.stream().mapToLong(NodeStatus::finalizedEpoch).min().orElse(-1);
    line.append(" | head ").append(head);
    line.append(" | justified ").append(justified);
    line.append(" finalized ").append(finalized);
    List<String> peers = new ArrayList<>();
    for (NodeStatus node : nodes) {
      peers.add(node.up() ? Integer.toString(node.peers()) : "-");
    }
    line.append(" | peers ").append(String.join(",", peers));
    List<String> heights = new ArrayList<>();
    List<String> tps = new ArrayList<>();
    double total = 0;
    for (int shard = 0; shard < shards; shard++) {
      long height = -1;
      double shardTps = 0;
      for (NodeStatus node : up) {
        if (shard < node.shardHeights().size()) {
          height = Math.max(height, node.shardHeights().get(shard));
          shardTps = Math.max(shardTps, node.shardTps().get(shard));
        }
      }
      heights.add(Long.toString(height));
      tps.add(String.format(Locale.ROOT, "%.0f", shardTps));
      total += shardTps;
    }
    line.append(" | shard heights ").append(String.join(",", heights));
    line.append(" | tps ")
        .append(String.join(",", tps))
        .append(String.format(Locale.ROOT, " (%.0f total)", total));
    return line.toString();
  }
}
