package io.basalt.node.validator.api;

import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Everything the validator client needs from a beacon node. Implementations are thread-safe. */
public interface BeaconNodeApi {
  SpecConfig config();

  Bytes32 genesisValidatorsRoot();

  /**
   * Whether the node follows the beacon head (not range-syncing the beacon chain): duties are
   * skipped otherwise.
   */
  boolean isSynced();

  /**
   * Whether {@code shard}'s chain follows too: its block proposals are skipped otherwise, while the
   * other shards' and the beacon duties go on.
   */
  default boolean isShardSynced(ShardId shard) {
    return isSynced();
  }

  /**
   * The head's post-state advanced to {@code slot} (proposers, committees, domains); empty if
   * unavailable.
   */
  Optional<BeaconState> dutyState(Slot slot);

  /**
   * An unsigned block for {@code slot} on the node's head, with pooled operations, shard headers
   * and staking receipts.
   */
  BeaconBlock produceBlock(Slot slot, ValidatorIndex proposer, Bytes randaoReveal, Bytes32 graffiti)
      throws BlockProductionException;

  void publishBlock(SignedBeaconBlock block);

  /**
   * The vote of a committee member of {@code (slot, shard)} now: head, source, target, shard head
   * root.
   */
  AttestationData attestationData(Slot slot, ShardId shard);

  void publishAttestation(Attestation attestation);

  /** The best aggregate the node holds for this data (by hash tree root), if any. */
  Optional<Attestation> aggregate(Slot slot, Bytes32 attestationDataRoot);

  void publishAggregateAndProof(SignedAggregateAndProof aggregate);

  /**
   * An unsigned shard block by {@code proposer} for {@code (shard, slot)} on the node's shard head;
   * empty if none can be built.
   */
  Optional<ShardBlock> produceShardBlock(ShardId shard, Slot slot, ValidatorIndex proposer);

  void publishShardBlock(SignedShardBlock block);

  /**
   * Whether the node has seen (gossip or blocks) an attestation by {@code validator} with target
   * {@code epoch}.
   */
  boolean isLive(ValidatorIndex validator, Epoch epoch);
}
