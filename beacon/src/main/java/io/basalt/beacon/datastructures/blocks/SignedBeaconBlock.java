package io.basalt.beacon.datastructures.blocks;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/** A beacon block signed by its proposer. Schema: {@code BeaconSchemas.signedBeaconBlock()}. */
public record SignedBeaconBlock(BeaconBlock message, Bytes signature) {

  public SignedBeaconBlock {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }
}
