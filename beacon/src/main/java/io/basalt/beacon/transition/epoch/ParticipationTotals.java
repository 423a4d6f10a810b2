package io.basalt.beacon.transition.epoch;

import static io.basalt.beacon.state.ParticipationFlags.TIMELY_TARGET_FLAG_INDEX;

/**
 * The stake totals every step of one epoch transition needs, aggregated in a single pass over the
 * registry instead of once per spec helper call. Each total has the spec's {@code
 * EFFECTIVE_BALANCE_INCREMENT} floor ({@code get_total_balance}). They depend only on effective
 * balances, slashed flags, activation/exit epochs and participation, none of which change before
 * the last step that reads them (effective balances change after slashings), so computing them once
 * at the start gives the spec's values.
 *
 * @param totalActiveBalance {@code get_total_active_balance}: effective balance active now
 * @param previousFlagBalances per flag index, {@code get_total_balance(
 *     get_unslashed_participating_indices(flag, previous_epoch))}
 * @param currentTargetBalance the same for the timely-target flag in the current epoch
 * @param activeCount the number of validators active in the current epoch (for the churn limit)
 */
record ParticipationTotals(
    long totalActiveBalance,
    long[] previousFlagBalances,
    long currentTargetBalance,
    int activeCount) {

  static final int FLAG_COUNT = 3;

  // spec: get_total_active_balance, get_unslashed_participating_indices, get_total_balance
  static ParticipationTotals of(EpochWorkspace w, long effectiveBalanceIncrement) {
    long active = 0;
    long currentTarget = 0;
    long[] previous = new long[FLAG_COUNT];
    int activeCount = 0;
    int targetBit = 1 << TIMELY_TARGET_FLAG_INDEX;
    for (int i = 0; i < w.size; i++) {
      long eb = w.effectiveBalance[i];
      boolean unslashed = !w.slashed[i];
      if (w.isActive(i, w.currentEpoch)) {
        active += eb;
        activeCount++;
        if (unslashed && (w.currentParticipation[i] & targetBit) != 0) {
          currentTarget += eb;
        }
      }
      int flags = w.previousParticipation[i];
      if (unslashed && flags != 0 && w.isActive(i, w.previousEpoch)) {
        for (int f = 0; f < FLAG_COUNT; f++) {
          if ((flags & (1 << f)) != 0) {
            previous[f] += eb;
          }
        }
      }
    }
    for (int f = 0; f < FLAG_COUNT; f++) {
      previous[f] = Math.max(previous[f], effectiveBalanceIncrement);
    }
    return new ParticipationTotals(
        Math.max(active, effectiveBalanceIncrement),
        previous,
        Math.max(currentTarget, effectiveBalanceIncrement),
        activeCount);
  }

  /** The previous-epoch unslashed participating balance of {@code flagIndex}. */
  long previousFlagBalance(int flagIndex) {
    return previousFlagBalances[flagIndex];
  }
}
