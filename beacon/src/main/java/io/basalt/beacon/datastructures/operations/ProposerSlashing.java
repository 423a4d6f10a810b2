package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.common.ssz.ContainerSchema;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** Evidence that a proposer signed two different headers for the same slot. */
public record ProposerSlashing(
    SignedBeaconBlockHeader signedHeader1, SignedBeaconBlockHeader signedHeader2) {

  public static final ContainerSchema<ProposerSlashing> SSZ =
      ContainerSchema.ofRecord(
          ProposerSlashing.class,
          field("signedHeader1", SignedBeaconBlockHeader.SSZ, ProposerSlashing::signedHeader1),
          field("signedHeader2", SignedBeaconBlockHeader.SSZ, ProposerSlashing::signedHeader2));

  public ProposerSlashing {
    Objects.requireNonNull(signedHeader1, "signedHeader1");
    Objects.requireNonNull(signedHeader2, "signedHeader2");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
