package io.basalt.node.validator.slashing;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** The {@code metadata} object of an interchange file. */
public record InterchangeMetadata(int interchangeFormatVersion, Bytes32 genesisValidatorsRoot) {

  public InterchangeMetadata {
    Objects.requireNonNull(genesisValidatorsRoot, "genesisValidatorsRoot");
  }
}
