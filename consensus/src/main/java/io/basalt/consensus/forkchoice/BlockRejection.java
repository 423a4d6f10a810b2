package io.basalt.consensus.forkchoice;

import java.util.Objects;

/** Why fork choice refused a block; the block is not inserted. */
public record BlockRejection(Reason reason, String detail) {

  /** The rule the block broke. */
  public enum Reason {
    /** Its parent is not in fork choice (not imported yet, or pruned). */
    UNKNOWN_PARENT,
    /** Its slot is after the store's current slot. */
    FUTURE_SLOT,
    /** Its slot is not after its parent's slot. */
    SLOT_NOT_AFTER_PARENT,
    /** Its slot is at or before the start slot of the finalized epoch. */
    NOT_AFTER_FINALIZED_SLOT,
    /** Its chain does not contain the finalized checkpoint block. */
    NOT_DESCENDANT_OF_FINALIZED,
  }

  public BlockRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
