package io.basalt.node.logging;

import io.basalt.common.types.ShardId;
import java.util.Locale;
import java.util.Map;

/**
 * Formats the per-slot status line, e.g. {@code Slot 42 | epoch 5 | head 0xab12…(42) | justified 4
 * | finalized 3 | peers 2 | shards 0:40 1:41 2:39 3:40 | tps 12.5}. The head root is cut to its
 * first two bytes: enough to tell forks apart in a log, short enough to read.
 */
public final class StatusLine {
  private StatusLine() {}

  public static String format(SlotStatus status) {
    StringBuilder line = new StringBuilder(128);
    line.append("Slot ")
        .append(status.slot())
        .append(" | epoch ")
        .append(status.epoch())
        .append(" | head 0x")
        .append(status.headRoot().slice(0, 2).toUnprefixedHexString())
        .append("…(")
        .append(status.headSlot())
        .append(") | justified ")
        .append(status.justifiedEpoch())
        .append(" | finalized ")
        .append(status.finalizedEpoch())
        .append(" | peers ")
        .append(status.peers())
        .append(" | shards");
    if (status.shardHeights().isEmpty()) {
      line.append(" -");
    }
    for (Map.Entry<ShardId, Long> shard : status.shardHeights().entrySet()) {
      line.append(' ').append(shard.getKey().id()).append(':').append(shard.getValue());
    }
    line.append(" | tps ").append(String.format(Locale.ROOT, "%.1f", status.tps()));
    return line.toString();
  }
}
