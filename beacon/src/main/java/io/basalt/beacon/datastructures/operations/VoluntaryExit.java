package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** A validator's request to stop validating, valid from {@code epoch}. */
public record VoluntaryExit(Epoch epoch, ValidatorIndex validatorIndex) {

  public static final ContainerSchema<VoluntaryExit> SSZ =
      ContainerSchema.ofRecord(
          VoluntaryExit.class,
          field("epoch", SszTypes.EPOCH, VoluntaryExit::epoch),
          field("validatorIndex", SszTypes.VALIDATOR_INDEX, VoluntaryExit::validatorIndex));

  public VoluntaryExit {
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(validatorIndex, "validatorIndex");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
