package io.basalt.beacon.datastructures.operations;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.consensus.types.ConsensusSsz;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A voluntary exit signed by the exiting validator (domain {@code DOMAIN_VOLUNTARY_EXIT}). */
public record SignedVoluntaryExit(VoluntaryExit message, Bytes signature) {

  public static final ContainerSchema<SignedVoluntaryExit> SSZ =
      ContainerSchema.ofRecord(
          SignedVoluntaryExit.class,
          field("message", VoluntaryExit.SSZ, SignedVoluntaryExit::message),
          field("signature", ConsensusSsz.BLS_SIGNATURE, SignedVoluntaryExit::signature));

  public SignedVoluntaryExit {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(signature, "signature");
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
