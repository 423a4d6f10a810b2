package io.basalt.beacon.transition.epoch;

import static io.basalt.beacon.state.ParticipationFlags.TIMELY_HEAD_FLAG_INDEX;
import static io.basalt.beacon.state.ParticipationFlags.TIMELY_HEAD_WEIGHT;
import static io.basalt.beacon.state.ParticipationFlags.TIMELY_SOURCE_WEIGHT;
import static io.basalt.beacon.state.ParticipationFlags.TIMELY_TARGET_FLAG_INDEX;
import static io.basalt.beacon.state.ParticipationFlags.TIMELY_TARGET_WEIGHT;
import static io.basalt.beacon.state.ParticipationFlags.WEIGHT_DENOMINATOR;

import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.helpers.MiscHelpers;

/**
 * Altair's {@code process_rewards_and_penalties} in one pass: for each eligible validator, the
 * three flag deltas ({@code get_flag_index_deltas}) and the inactivity penalty ({@code
 * get_inactivity_penalty_deltas}) are computed and applied in the spec's order — per delta set,
 * increase then decrease (floored at zero) — which gives the spec's balances because every
 * validator's deltas depend only on its own entry and the precomputed {@link ParticipationTotals}.
 */
final class RewardsAndPenalties {

  /** {@code PARTICIPATION_FLAG_WEIGHTS}, by flag index (source, target, head). */
  static final long[] FLAG_WEIGHTS = {
    TIMELY_SOURCE_WEIGHT, TIMELY_TARGET_WEIGHT, TIMELY_HEAD_WEIGHT
  };

  private final MiscHelpers misc;
  private final long increment;
  private final long inactivityPenaltyDenominator;

  RewardsAndPenalties(SpecConfig config) {
    this.misc = new MiscHelpers(config);
    this.increment = config.effectiveBalanceIncrement().value().longValue();
    this.inactivityPenaltyDenominator =
        Math.multiplyExact(
            EpochProcessor.INACTIVITY_SCORE_BIAS, config.inactivityPenaltyQuotient().longValue());
  }

  // spec: get_base_reward_per_increment
  long baseRewardPerIncrement(long totalActiveBalance) {
    return misc.baseRewardPerIncrement(totalActiveBalance);
  }

  /** Applies every validator's flag and inactivity deltas to {@code w.balance}. */
  void apply(EpochWorkspace w, ParticipationTotals totals, boolean inInactivityLeak) {
    long perIncrement = baseRewardPerIncrement(totals.totalActiveBalance());
    long activeIncrements = totals.totalActiveBalance() / increment;
    long rewardDenominator = Math.multiplyExact(activeIncrements, WEIGHT_DENOMINATOR);
    long[] rewardFactor = new long[ParticipationTotals.FLAG_COUNT];
    for (int f = 0; f < rewardFactor.length; f++) {
      // weight * unslashed_participating_increments: the flag's share of the reward numerator
      rewardFactor[f] = FLAG_WEIGHTS[f] * (totals.previousFlagBalance(f) / increment);
    }
    for (int i = 0; i < w.size; i++) {
      if (!w.isEligible(i)) {
        continue;
      }
      long baseReward = Math.multiplyExact(w.effectiveBalance[i] / increment, perIncrement);
      for (int f = 0; f < rewardFactor.length; f++) {
        // spec: get_flag_index_deltas
        if (w.isPreviousUnslashedParticipant(i, f)) {
          if (!inInactivityLeak) {
            long numerator = Math.multiplyExact(baseReward, rewardFactor[f]);
            w.ledger.increase(w.balance, i, numerator / rewardDenominator);
          }
        } else if (f != TIMELY_HEAD_FLAG_INDEX) {
          w.ledger.decrease(w.balance, i, baseReward * FLAG_WEIGHTS[f] / WEIGHT_DENOMINATOR);
        }
      }
      // spec: get_inactivity_penalty_deltas
      if (!w.isPreviousUnslashedParticipant(i, TIMELY_TARGET_FLAG_INDEX)) {
        long numerator = Math.multiplyExact(w.effectiveBalance[i], w.inactivityScore[i]);
        w.ledger.decrease(w.balance, i, numerator / inactivityPenaltyDenominator);
      }
    }
  }
}
