package io.basalt.node.rpc.settle;

import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementStore;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A rollup's three heads in Layer-2 terms:
 *
 * <ul>
 *   <li>{@code unsafe}: the newest committed batch not reverted (it may still be vetoed or lost in
 *       an L1 reorg);
 *   <li>{@code safe}: the newest non-reverted batch whose L1 inclusion is FINALIZED (no reorg can
 *       drop it; a veto within its window still can);
 *   <li>{@code finalized}: the newest SETTLED batch (final: its window closed and its inclusion is
 *       finalized).
 * </ul>
 *
 * Commit slots never decrease with the index, and inclusion and settlement depend on the commit
 * slot alone (besides the reverted flag), so each head is found by a binary search on the commit
 * slot, then a walk down past reverted batches.
 */
public record L2Status(OptionalLong unsafe, OptionalLong safe, OptionalLong finalized) {

  public static L2Status of(
      SettlementStore store, long rollupId, RollupRecord rollup, SettlementView view) {
    OptionalLong unsafe =
        rollup.lastGoodPlus1() == 0
            ? OptionalLong.empty()
            : OptionalLong.of(rollup.lastGoodPlus1() - 1);
    if (unsafe.isEmpty()) {
      return new L2Status(unsafe, OptionalLong.empty(), OptionalLong.empty());
    }
    Optional<Slot> finalizedSlot = view.finalizedShardSlot();
    OptionalLong safe =
        finalizedSlot.isEmpty()
            ? OptionalLong.empty()
            : newestGoodAtOrBefore(store, rollupId, unsafe.getAsLong(), finalizedSlot.get());
    OptionalLong finalized = OptionalLong.empty();
    if (finalizedSlot.isPresent() && view.slot().value().longValue() >= rollup.challengePeriod()) {
      // SETTLED iff commitSlot <= finalized slot and commitSlot + period <= slot.
      Slot windowBound = view.slot().minus(rollup.challengePeriod());
      Slot bound = windowBound.isBefore(finalizedSlot.get()) ? windowBound : finalizedSlot.get();
      finalized = newestGoodAtOrBefore(store, rollupId, unsafe.getAsLong(), bound);
    }
    return new L2Status(unsafe, safe, finalized);
  }

  /** The newest non-reverted batch at or below {@code top} committed at or before {@code bound}. */
  private static OptionalLong newestGoodAtOrBefore(
      SettlementStore store, long rollupId, long top, Slot bound) {
    long low = 0;
    long high = top;
    long found = -1;
    while (low <= high) {
      long mid = (low + high) >>> 1;
      if (store.batch(rollupId, mid).commitSlot().isAfter(bound)) {
        high = mid - 1;
      } else {
        found = mid;
        low = mid + 1;
      }
    }
    for (long i = found; i >= 0; i--) {
      if (!store.isReverted(rollupId, i)) {
        return OptionalLong.of(i);
      }
    }
    return OptionalLong.empty();
  }
}
