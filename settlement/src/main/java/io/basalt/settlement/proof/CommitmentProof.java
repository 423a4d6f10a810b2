package io.basalt.settlement.proof;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.settlement.BatchRecord;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The proof that batch {@code (rollupId, batchIndex)} of the Settlement contract on {@code shard}
 * is recorded in a state the beacon chain finalized. Each layer commits to the next:
 *
 * <ol>
 *   <li>{@code batch}: the nine storage words of the record ({@link BatchSlots}), each proven by
 *       {@code storageProofs[i]} against the Settlement account's storage root;
 *   <li>{@code accountProof}: the Settlement account against {@code shardHeader.stateRoot};
 *   <li>{@code shardHeader}: its {@code hash_tree_root} and {@code stateRoot} equal {@code
 *       crosslink.shardBlockRoot} and {@code crosslink.stateRoot};
 *   <li>{@code crosslinkBranch}: the SSZ branch of {@code latestCrosslinks[shard]} to {@code
 *       beaconHeader.stateRoot};
 *   <li>{@code beaconHeader}: its {@code hash_tree_root} is {@code checkpoint.root}, the finalized
 *       checkpoint a {@link FinalityProof} proves.
 * </ol>
 *
 * The record may sit in a later shard block than the one that included the commit: records persist,
 * so presence in a finalized crosslinked state is what proves finalized inclusion.
 */
public record CommitmentProof(
    ShardId shard,
    long rollupId,
    long batchIndex,
    BatchRecord batch,
    List<Bytes> accountProof,
    List<List<Bytes>> storageProofs,
    ShardBlockHeader shardHeader,
    Crosslink crosslink,
    List<Bytes32> crosslinkBranch,
    BeaconBlockHeader beaconHeader,
    Checkpoint checkpoint) {

  public CommitmentProof {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(batch, "batch");
    accountProof = List.copyOf(accountProof);
    storageProofs = storageProofs.stream().map(List::copyOf).toList();
    Objects.requireNonNull(shardHeader, "shardHeader");
    Objects.requireNonNull(crosslink, "crosslink");
    crosslinkBranch = List.copyOf(crosslinkBranch);
    Objects.requireNonNull(beaconHeader, "beaconHeader");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
