package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.SettlementView;
import java.util.Optional;

/**
 * The Settlement contract's view of Layer 1 for a shard block: from the block's anchor (the post
 * state of its {@code beacon_block_root}) take the current justified and the finalized checkpoint;
 * the beacon state of each checkpoint, looked up through {@link BeaconView}, names in its {@code
 * latest_crosslinks} the newest crosslinked block of this shard. Producer and validators derive it
 * from the same anchor and beacon chain, so they agree. A checkpoint whose state is unknown counts
 * as nothing crosslinked (settlement waits).
 */
public final class BeaconSettlementView {

  private BeaconSettlementView() {}

  public static SettlementView of(
      SpecConfig config, BeaconView beacon, BeaconState anchor, ShardId shard, Slot slot) {
    return SettlementView.of(
        config.chainId(shard).longValue(),
        slot,
        crosslinkedSlot(config, beacon, anchor.currentJustifiedCheckpoint(), shard),
        crosslinkedSlot(config, beacon, anchor.finalizedCheckpoint(), shard));
  }

  /** The slot of the newest block of {@code shard} crosslinked in the checkpoint's state. */
  static Optional<Slot> crosslinkedSlot(
      SpecConfig config, BeaconView beacon, Checkpoint checkpoint, ShardId shard) {
    Slot start = new Slot(checkpoint.epoch().value().times(config.slotsPerEpoch()));
    return beacon
        .stateAt(checkpoint.root(), start)
        .map(state -> state.latestCrosslinks().get(shard.id()))
        .filter(crosslink -> !crosslink.shardBlockRoot().isZero())
        .map(Crosslink::slot);
  }
}
