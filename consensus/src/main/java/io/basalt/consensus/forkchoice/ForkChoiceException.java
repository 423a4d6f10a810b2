package io.basalt.consensus.forkchoice;

/**
 * The proto-array found itself inconsistent with its inputs (deltas of the wrong length, a weight
 * going negative, an unknown justified root, a head that is not viable). None of these can happen
 * with correct callers; the exception says which invariant broke so the node can log and recover
 * (for example by rebuilding fork choice from storage) instead of following a wrong head.
 */
public final class ForkChoiceException extends Exception {

  /** Which invariant broke. */
  public enum Kind {
    DELTAS_LENGTH_MISMATCH,
    WEIGHT_UNDERFLOW,
    UNKNOWN_JUSTIFIED_ROOT,
    UNKNOWN_FINALIZED_ROOT,
    HEAD_NOT_VIABLE,
  }

  private final Kind kind;

  public ForkChoiceException(Kind kind, String message) {
    super(kind + ": " + message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
