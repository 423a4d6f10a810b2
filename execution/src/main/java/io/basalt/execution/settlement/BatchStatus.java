package io.basalt.execution.settlement;

import io.basalt.common.types.Slot;
import java.util.Optional;

/**
 * A batch's settlement status, as the ABI's {@code uint8} (the ordinal). Derived, never stored:
 * from the batch's commit slot and reverted flag, the rollup's challenge period and what Layer 1
 * has finalized.
 */
public enum BatchStatus {
  /** Recorded; still in its challenge window, or its L1 block is not finalized yet. */
  COMMITTED,
  /** Final: its shard block is crosslinked in a finalized beacon state and the window is over. */
  SETTLED,
  /** Reverted by a successful challenge (it or an ancestor was vetoed). */
  REVERTED;

  /**
   * The status of a batch committed at {@code commitSlot}: SETTLED iff {@code slot >= commitSlot +
   * challengePeriod} (the deadline) and the newest finalized crosslink of this shard is at or after
   * {@code commitSlot}.
   */
  public static BatchStatus of(
      boolean reverted,
      Slot commitSlot,
      long challengePeriod,
      Slot slot,
      Optional<Slot> finalizedShardSlot) {
    if (reverted) {
      return REVERTED;
    }
    boolean windowOver = !slot.isBefore(commitSlot.plus(challengePeriod));
    boolean finalized = finalizedShardSlot.map(f -> !f.isBefore(commitSlot)).orElse(false);
    return windowOver && finalized ? SETTLED : COMMITTED;
  }
}
