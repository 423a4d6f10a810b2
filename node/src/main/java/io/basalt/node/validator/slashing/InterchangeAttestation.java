package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** A signed attestation in an interchange file; the signing root is optional in EIP-3076. */
public record InterchangeAttestation(
    UInt64 sourceEpoch, UInt64 targetEpoch, Optional<Bytes32> signingRoot) {

  public InterchangeAttestation {
    Objects.requireNonNull(sourceEpoch, "sourceEpoch");
    Objects.requireNonNull(targetEpoch, "targetEpoch");
    Objects.requireNonNull(signingRoot, "signingRoot");
  }
}
