package io.basalt.node.validator.slashing;

import java.util.List;
import java.util.Objects;

/**
 * An EIP-3076 slashing-protection interchange file (format version 5): the chain it is for and, per
 * validator, what it signed. Read and written by {@link InterchangeJson}.
 */
public record Interchange(InterchangeMetadata metadata, List<InterchangeData> data) {

  /** The only format version this build reads and writes. */
  public static final int FORMAT_VERSION = 5;

  public Interchange {
    Objects.requireNonNull(metadata, "metadata");
    data = List.copyOf(data);
  }
}
