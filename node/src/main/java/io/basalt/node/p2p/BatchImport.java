package io.basalt.node.p2p;

import java.util.Objects;
import java.util.Optional;

/**
 * What importing a synced batch did.
 *
 * @param imported blocks newly imported (already known blocks are not counted)
 * @param invalidReason present when the batch held a block that is invalid: the peer that served it
 *     is reported and the batch fetched again from another peer
 */
public record BatchImport(int imported, Optional<String> invalidReason) {

  public BatchImport {
    Objects.requireNonNull(invalidReason, "invalidReason");
  }

  public static BatchImport ok(int imported) {
    return new BatchImport(imported, Optional.empty());
  }

  public static BatchImport invalid(int imported, String reason) {
    return new BatchImport(imported, Optional.of(reason));
  }
}
