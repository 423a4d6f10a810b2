package io.basalt.consensus.forkchoice;

import java.util.Objects;

/** Why fork choice refused new justified/finalized checkpoints; the store did not change. */
public record CheckpointRejection(Reason reason, String detail) {

  /** The rule the checkpoints broke. */
  public enum Reason {
    /** The justified checkpoint's block is not in fork choice. */
    UNKNOWN_JUSTIFIED_ROOT,
    /** The finalized checkpoint's block is not in fork choice. */
    UNKNOWN_FINALIZED_ROOT,
  }

  public CheckpointRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
