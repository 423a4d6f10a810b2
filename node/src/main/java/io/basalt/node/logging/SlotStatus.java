package io.basalt.node.logging;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the node reports once per slot; {@link StatusLine#format} turns it into the log line.
 *
 * @param slot the current wall-clock slot
 * @param epoch the current epoch
 * @param headRoot root of the beacon head block
 * @param headSlot slot of the beacon head block (lower than {@code slot} after empty slots)
 * @param justifiedEpoch epoch of the justified checkpoint
 * @param finalizedEpoch epoch of the finalized checkpoint
 * @param peers connected peers
 * @param shardHeights head block number of each shard chain (copied; iterates in shard order)
 * @param tps transactions per second over all shards, recent blocks
 */
public record SlotStatus(
    Slot slot,
    Epoch epoch,
    Bytes32 headRoot,
    Slot headSlot,
    Epoch justifiedEpoch,
    Epoch finalizedEpoch,
    int peers,
    Map<ShardId, Long> shardHeights,
    double tps) {

  public SlotStatus {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(headRoot, "headRoot");
    Objects.requireNonNull(headSlot, "headSlot");
    Objects.requireNonNull(justifiedEpoch, "justifiedEpoch");
    Objects.requireNonNull(finalizedEpoch, "finalizedEpoch");
    // Sorted so that the line lists shards in order whatever map the node passes.
    shardHeights = Collections.unmodifiableSortedMap(new TreeMap<>(shardHeights));
  }
}
