package io.basalt.consensus.types;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** What a signing domain commits to besides its type: the fork version and the chain identity. */
public record ForkData(Bytes4 currentVersion, Bytes32 genesisValidatorsRoot) {

  public static final ContainerSchema<ForkData> SSZ =
      ContainerSchema.ofRecord(
          ForkData.class,
          field("currentVersion", ConsensusSsz.VERSION, ForkData::currentVersion),
          field("genesisValidatorsRoot", SszTypes.BYTES32, ForkData::genesisValidatorsRoot));

  public ForkData {
    Objects.requireNonNull(currentVersion, "currentVersion");
    Objects.requireNonNull(genesisValidatorsRoot, "genesisValidatorsRoot");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
