package io.basalt.shard.transition;

import java.util.Objects;

/** A shard block broke a rule; the parent state is untouched. */
public final class ShardBlockException extends Exception {

  private final InvalidShardBlockReason reason;

  public ShardBlockException(InvalidShardBlockReason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public InvalidShardBlockReason reason() {
    return reason;
  }

  /** Throws a {@link ShardBlockException} with {@code reason} unless {@code condition} holds. */
  static void check(boolean condition, InvalidShardBlockReason reason, String detail)
      throws ShardBlockException {
    if (!condition) {
      throw new ShardBlockException(reason, detail);
    }
  }
}
