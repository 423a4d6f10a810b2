package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The fork versions of a state: signatures for epochs before {@code epoch} use {@code
 * previousVersion}, later ones {@code currentVersion}. Basalt has one fork, so at genesis both are
 * {@code GENESIS_FORK_VERSION} and {@code epoch} is zero.
 */
public record Fork(Bytes4 previousVersion, Bytes4 currentVersion, Epoch epoch) {

  public static final ContainerSchema<Fork> SSZ =
      ContainerSchema.ofRecord(
          Fork.class,
          field("previousVersion", ConsensusSsz.VERSION, Fork::previousVersion),
          field("currentVersion", ConsensusSsz.VERSION, Fork::currentVersion),
          field("epoch", SszTypes.EPOCH, Fork::epoch));

  public Fork {
    Objects.requireNonNull(previousVersion, "previousVersion");
    Objects.requireNonNull(currentVersion, "currentVersion");
    Objects.requireNonNull(epoch, "epoch");
  }

  /** The fork of a chain that has only ever had {@code version}. */
  public static Fork genesis(Bytes4 version) {
    return new Fork(version, version, Epoch.ZERO);
  }

  /** The version in force at {@code at}. */
  public Bytes4 versionAt(Epoch at) {
    return at.isBefore(epoch) ? previousVersion : currentVersion;
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
