package io.basalt.node.rpc.beacon;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the {@code beacon_*} methods read of the node's beacon chain. Implementations take their
 * answers from the chain thread; the states they return are immutable and may be read on any
 * thread.
 */
public interface BeaconRpcData {

  /** The fork choice head and the store's checkpoints. */
  record Head(
      Bytes32 root,
      Slot slot,
      Bytes32 stateRoot,
      Bytes32 parentRoot,
      Checkpoint justified,
      Checkpoint finalized) {}

  /** A block and its root. */
  record BlockAt(Bytes32 root, SignedBeaconBlock block) {}

  /** A beacon block named by root and slot. */
  record BlockRef(Bytes32 root, Slot slot) {}

  SpecConfig config();

  Head head();

  /** The wall clock's slot. */
  Slot currentSlot();

  /**
   * The state {@code id} names: the post-state of its block, or for a slot the canonical chain's
   * state at that slot; empty when unknown, in the future or no longer kept.
   */
  Optional<BeaconState> state(StateId id);

  /** The block {@code id} names; empty for unknown roots and for slots without a block. */
  Optional<BlockAt> block(StateId id);

  /**
   * The canonical chain's state advanced to {@code slot}, which may be up to the wall clock's next
   * epoch (duties and committees are known that far ahead); empty when no longer kept.
   */
  Optional<BeaconState> stateAtSlot(Slot slot);

  /** The beacon block a shard block built on, when the shard block is known here. */
  Optional<BlockRef> shardBlockAnchor(ShardId shard, Bytes32 shardBlockRoot);

  /** The state root of block {@code root}, when known. */
  Optional<Bytes32> blockStateRoot(Bytes32 root);

  /**
   * Validates {@code exit} as the beacon chain would against the head state (known and active
   * validator, not already exiting, epoch reached, active long enough, signature), then pools and
   * gossips it.
   *
   * @return empty when accepted, else why it was refused
   */
  Optional<String> submitVoluntaryExit(SignedVoluntaryExit exit);
}
