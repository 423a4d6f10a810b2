package io.basalt.beacon.datastructures.blocks;

import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** A beacon block. Schema: {@code BeaconSchemas.beaconBlock()}. */
public record BeaconBlock(
    Slot slot,
    ValidatorIndex proposerIndex,
    Bytes32 parentRoot,
    Bytes32 stateRoot,
    BeaconBlockBody body) {

  public BeaconBlock {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(proposerIndex, "proposerIndex");
    Objects.requireNonNull(parentRoot, "parentRoot");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(body, "body");
  }

  /** This block with {@code stateRoot} replaced (block production fills it in last). */
  public BeaconBlock withStateRoot(Bytes32 root) {
    return new BeaconBlock(slot, proposerIndex, parentRoot, root, body);
  }

  /** The header of this block, given {@code bodyRoot = hash_tree_root(body)}. */
  public BeaconBlockHeader toHeader(Bytes32 bodyRoot) {
    return new BeaconBlockHeader(slot, proposerIndex, parentRoot, stateRoot, bodyRoot);
  }
}
