package io.basalt.node.chain;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.shard.ShardService;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.transition.ShardBlockResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Turns the chain's state into {@link ChainEvents}: after each import (and each slot start) it
 * compares the beacon head, the finalized checkpoint and every shard head with what it last saw and
 * fires the differences. Runs on the chain thread only.
 */
public final class ChainEventSource {

  private final ChainEvents events;
  private final BeaconService<?> beacon;
  private final ShardService<?> shards;
  private boolean bound;
  private Bytes32 beaconHead;
  private Checkpoint finalized;
  private final List<Bytes32> shardHeads = new ArrayList<>();
  private boolean checking;

  public ChainEventSource(ChainEvents events, BeaconService<?> beacon, ShardService<?> shards) {
    this.events = events;
    this.beacon = beacon;
    this.shards = shards;
  }

  /** What the chain holds at the first check is the baseline, not an event. */
  private void bind() {
    bound = true;
    beaconHead = beacon.head();
    finalized = beacon.finalizedCheckpoint();
    for (int shard = 0; shard < shards.shardCount(); shard++) {
      shardHeads.add(shards.headRoot(ShardId.of(shard)));
    }
  }

  /** A shard block was imported (the block is already stored with its result). */
  public void onShardImported(ShardId shard, ShardBlockResult result) {
    shards
        .chain(shard)
        .block(result.state().blockRoot())
        .ifPresent((SignedShardBlock block) -> events.onShardBlockImported(shard, block));
    check();
  }

  /** Fires what changed since the last check. Re-entrant calls (imports during it) are merged. */
  public void check() {
    if (checking) {
      return;
    }
    checking = true;
    try {
      if (!bound) {
        bind();
        return;
      }
      Bytes32 head = beacon.head();
      if (!head.equals(beaconHead)) {
        beaconHead = head;
        Slot slot = beacon.store().summary(head).map(BlockSummary::slot).orElse(Slot.ZERO);
        events.onBeaconHead(head, slot);
      }
      Checkpoint checkpoint = beacon.finalizedCheckpoint();
      if (!checkpoint.equals(finalized)) {
        finalized = checkpoint;
        events.onFinalizedCheckpoint(checkpoint);
      }
      for (int shard = 0; shard < shardHeads.size(); shard++) {
        Bytes32 shardHead = shards.headRoot(ShardId.of(shard));
        if (!shardHead.equals(shardHeads.get(shard))) {
          shardHeads.set(shard, shardHead);
          events.onShardHead(ShardId.of(shard), shardHead);
        }
      }
    } finally {
      checking = false;
    }
  }
}
