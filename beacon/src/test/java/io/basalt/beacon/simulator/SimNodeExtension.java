package io.basalt.beacon.simulator;

import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a later layer (the shard chains) adds to every simulated node, through hooks the simulator
 * calls on its one thread. Every hook has a neutral default, so {@link #NONE} leaves the beacon
 * simulation exactly as it is without an extension: attesters vote {@code shard_head_root = ZERO}
 * and proposers include no shard headers and no staking receipts.
 */
public interface SimNodeExtension {

  /** No extension. */
  SimNodeExtension NONE = new SimNodeExtension() {};

  /**
   * Slot start, for each node in id order, after the slot's beacon proposal: the beacon proposer's
   * node already holds the new block, so a duty here (a shard proposal) can anchor on it.
   */
  default void onSlotStart(SimNode node, Slot slot) {}

  /** The {@code shard_head_root} an attester of {@code (slot, shard)} on {@code node} votes. */
  default Bytes32 shardHeadRoot(SimNode node, ShardId shard, Slot slot) {
    return Bytes32.ZERO;
  }

  /**
   * The signed shard headers the beacon proposer on {@code node} includes in its block at {@code
   * slot}; {@code preState} is the parent's post-state advanced to {@code slot}. They must be valid
   * there, or the block cannot be produced.
   */
  default List<SignedShardBlockHeader> shardHeaders(SimNode node, Slot slot, BeaconState preState) {
    return List.of();
  }

  /**
   * The staking receipt proofs the beacon proposer on {@code node} offers at {@code slot}; {@code
   * preState} as for {@link #shardHeaders}. The block factory keeps those the state accepts, so a
   * stale or premature proof costs nothing.
   */
  default List<StakingReceiptProof> stakingReceipts(SimNode node, Slot slot, BeaconState preState) {
    return List.of();
  }

  /** {@code node} accepted {@code attestation} (own or gossip), cast by {@code attesters}. */
  default void onAttestation(
      SimNode node, Attestation attestation, List<ValidatorIndex> attesters) {}

  /** {@code node} imported a beacon block; {@code imported.headRoot()} is its head after. */
  default void onBlockImported(SimNode node, ImportedBlock imported) {}

  /** {@code node} received a {@link SimMessage.Extension} from node {@code from}. */
  default void onMessage(SimNode node, int from, Object payload) {}
}
