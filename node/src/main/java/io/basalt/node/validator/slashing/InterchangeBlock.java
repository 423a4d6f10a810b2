package io.basalt.node.validator.slashing;

import io.basalt.common.types.UInt64;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** A signed beacon block in an interchange file; the signing root is optional in EIP-3076. */
public record InterchangeBlock(UInt64 slot, Optional<Bytes32> signingRoot) {

  public InterchangeBlock {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(signingRoot, "signingRoot");
  }
}
