package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where range sync delivers batches. Import verifies (signatures batched) and says what happened.
 * Called from the range-sync thread, never with two imports in flight at once.
 */
public interface SyncTarget {

  StatusMessage status();

  /**
   * Imports a contiguous batch, parents first; completes with the number imported or fails with the
   * reason.
   */
  CompletableFuture<BatchImport> importBeaconBlocks(List<SignedBeaconBlock> blocks);

  /**
   * Where beacon sync starts again when a batch does not connect to our chain: the slot after our
   * finalized checkpoint's block.
   */
  Slot forkSyncStart();

  /** The slot from which shard {@code shard} needs blocks (after its stored head). */
  Slot shardSyncStart(ShardId shard);

  /**
   * Where shard sync starts again when the blocks after the head do not connect to it (the head is
   * on a fork the peers left): the slot after the shard's finalized block.
   */
  Slot shardForkSyncStart(ShardId shard);

  CompletableFuture<BatchImport> importShardBlocks(ShardId shard, List<SignedShardBlock> blocks);
}
