package io.basalt.node.p2p;

import java.util.Objects;
import java.util.Optional;

/**
 * What importing a synced batch did.
 *
 * @param imported blocks newly imported (already known blocks are not counted)
 * @param invalidReason present when the batch held a block that is invalid: the peer that served it
 *     is reported and the batch fetched again from another peer
 * @param unknownParent present when a block's parent is unknown: the batch does not connect to our
 *     chain, so the peer is on another fork (or serves a gap); range sync goes back to the slot
 *     after our finalized checkpoint, the last block every honest peer shares with us
 */
public record BatchImport(
    int imported, Optional<String> invalidReason, Optional<String> unknownParent) {

  public BatchImport {
    Objects.requireNonNull(invalidReason, "invalidReason");
    Objects.requireNonNull(unknownParent, "unknownParent");
  }

  public static BatchImport ok(int imported) {
    return new BatchImport(imported, Optional.empty(), Optional.empty());
  }

  public static BatchImport invalid(int imported, String reason) {
    return new BatchImport(imported, Optional.of(reason), Optional.empty());
  }

  public static BatchImport unknownParent(int imported, String detail) {
    return new BatchImport(imported, Optional.empty(), Optional.of(detail));
  }
}
