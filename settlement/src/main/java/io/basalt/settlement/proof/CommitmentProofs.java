package io.basalt.settlement.proof;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.ssz.proof.GeneralizedIndices;
import io.basalt.common.ssz.proof.MerkleProofs;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.ContractStorage;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.state.AccountProof;
import io.basalt.execution.state.StorageProof;
import io.basalt.execution.state.WorldState;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** Builds {@link CommitmentProof}s from the states a node holds. */
public final class CommitmentProofs {

  private CommitmentProofs() {}

  /**
   * The proof of batch {@code (rollupId, batchIndex)} in {@code shardState} (the state after {@code
   * shardHeader}), crosslinked in {@code beaconState}, the post-state of the block {@code
   * beaconHeader} whose root is {@code checkpoint.root}. The caller has checked that the crosslink
   * of {@code shard} in {@code beaconState} names {@code shardHeader}.
   */
  public static CommitmentProof build(
      ShardId shard,
      long rollupId,
      long batchIndex,
      WorldState shardState,
      ShardBlockHeader shardHeader,
      BeaconState beaconState,
      BeaconBlockHeader beaconHeader,
      Checkpoint checkpoint) {
    AccountProof account =
        shardState.proof(SystemContracts.SETTLEMENT, BatchSlots.keys(rollupId, batchIndex));
    BatchRecord record = BatchSlots.read(settlementStorage(shardState), rollupId, batchIndex);
    return new CommitmentProof(
        shard,
        rollupId,
        batchIndex,
        record,
        account.accountProof(),
        account.storageProof().stream().map(StorageProof::proof).toList(),
        shardHeader,
        beaconState.latestCrosslinks().get(shard.id()),
        crosslinkBranch(beaconState, shard),
        beaconHeader,
        checkpoint);
  }

  /** The SSZ branch of {@code latestCrosslinks[shard]} to {@code hash_tree_root(state)}. */
  public static List<Bytes32> crosslinkBranch(BeaconState state, ShardId shard) {
    long gindex =
        GeneralizedIndices.forPath(
            state.schemas().beaconState(), "latestCrosslinks", (long) shard.id());
    return MerkleProofs.branch(state.schemas().beaconState().toTree(state), gindex);
  }

  /** The crosslink of {@code shard} in {@code state}. */
  public static Crosslink crosslink(BeaconState state, ShardId shard) {
    return state.latestCrosslinks().get(shard.id());
  }

  /** A read-only view of the Settlement contract's storage in {@code state}. */
  public static ContractStorage settlementStorage(WorldState state) {
    return new ContractStorage() {
      @Override
      public Bytes32 load(Bytes32 slot) {
        return state.getStorage(SystemContracts.SETTLEMENT, slot);
      }

      @Override
      public void store(Bytes32 slot, Bytes32 value) {
        throw new UnsupportedOperationException("read-only view of the Settlement storage");
      }
    };
  }
}
