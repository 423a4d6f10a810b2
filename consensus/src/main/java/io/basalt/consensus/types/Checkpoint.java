package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** A Casper-FFG checkpoint: the block root at the start of an epoch. */
public record Checkpoint(Epoch epoch, Bytes32 root) {

  public static final ContainerSchema<Checkpoint> SSZ =
      ContainerSchema.ofRecord(
          Checkpoint.class,
          field("epoch", SszTypes.EPOCH, Checkpoint::epoch),
          field("root", SszTypes.BYTES32, Checkpoint::root));

  public static final Checkpoint GENESIS = new Checkpoint(Epoch.ZERO, Bytes32.ZERO);

  public Checkpoint {
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(root, "root");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
