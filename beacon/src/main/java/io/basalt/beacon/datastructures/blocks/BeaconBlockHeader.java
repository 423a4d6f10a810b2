package io.basalt.beacon.datastructures.blocks;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A beacon block with its body replaced by the body root; it has the same root as the block. The
 * state keeps the latest one, with {@code stateRoot} zero until the next slot fills it in.
 */
public record BeaconBlockHeader(
    Slot slot,
    ValidatorIndex proposerIndex,
    Bytes32 parentRoot,
    Bytes32 stateRoot,
    Bytes32 bodyRoot) {

  public static final ContainerSchema<BeaconBlockHeader> SSZ =
      ContainerSchema.ofRecord(
          BeaconBlockHeader.class,
          field("slot", SszTypes.SLOT, BeaconBlockHeader::slot),
          field("proposerIndex", SszTypes.VALIDATOR_INDEX, BeaconBlockHeader::proposerIndex),
          field("parentRoot", SszTypes.BYTES32, BeaconBlockHeader::parentRoot),
          field("stateRoot", SszTypes.BYTES32, BeaconBlockHeader::stateRoot),
          field("bodyRoot", SszTypes.BYTES32, BeaconBlockHeader::bodyRoot));

  public BeaconBlockHeader {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(proposerIndex, "proposerIndex");
    Objects.requireNonNull(parentRoot, "parentRoot");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(bodyRoot, "bodyRoot");
  }

  /** This header with {@code stateRoot} replaced. */
  public BeaconBlockHeader withStateRoot(Bytes32 root) {
    return new BeaconBlockHeader(slot, proposerIndex, parentRoot, root, bodyRoot);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
