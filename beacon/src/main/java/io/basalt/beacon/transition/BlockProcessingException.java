package io.basalt.beacon.transition;

import java.util.Objects;

/**
 * A block, or one of its operations, is invalid for the state it was applied to. Carries a typed
 * {@link InvalidBlockReason} and a message naming the offending values (operation index, validator,
 * slot). The state given to the failing call is unchanged: states are immutable.
 */
public final class BlockProcessingException extends Exception {

  private final InvalidBlockReason reason;

  public BlockProcessingException(InvalidBlockReason reason, String message) {
    super(reason + ": " + message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public BlockProcessingException(InvalidBlockReason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the block is invalid. */
  public InvalidBlockReason reason() {
    return reason;
  }

  /** Throws a {@code BlockProcessingException} when {@code condition} is false. */
  public static void check(boolean condition, InvalidBlockReason reason, String message)
      throws BlockProcessingException {
    if (!condition) {
      throw new BlockProcessingException(reason, message);
    }
  }
}
