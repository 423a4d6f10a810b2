package io.basalt.beacon.datastructures.blocks;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A block header with its proposer's signature, as proposer slashings carry it. */
public record SignedBeaconBlockHeader(BeaconBlockHeader message, Bytes signature) {

  public static final ContainerSchema<SignedBeaconBlockHeader> SSZ =
      ContainerSchema.ofRecord(
          SignedBeaconBlockHeader.class,
          field("message", BeaconBlockHeader.SSZ, SignedBeaconBlockHeader::message),
          field("signature", ConsensusSsz.BLS_SIGNATURE, SignedBeaconBlockHeader::signature));

  public SignedBeaconBlockHeader {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
