package io.basalt.beacon.transition.epoch;

import io.basalt.consensus.config.SpecConfig;
import java.util.Arrays;

/**
 * Phase0's {@code process_registry_updates} on the columns: activation eligibility, ejection of
 * active validators whose effective balance fell to {@code EJECTION_BALANCE}, and the activation
 * queue, at most the churn limit per epoch, oldest eligibility first.
 */
final class RegistryUpdates {

  private final long maxEffectiveBalance;
  private final long ejectionBalance;
  private final long minPerEpochChurnLimit;
  private final long churnLimitQuotient;
  private final long maxSeedLookahead;
  private final long withdrawabilityDelay;

  RegistryUpdates(SpecConfig config) {
    this.maxEffectiveBalance = config.maxEffectiveBalance().value().longValue();
    this.ejectionBalance = config.ejectionBalance().value().longValue();
    this.minPerEpochChurnLimit = config.minPerEpochChurnLimit().longValue();
    this.churnLimitQuotient = config.churnLimitQuotient().longValue();
    this.maxSeedLookahead = config.maxSeedLookahead().value().longValue();
    this.withdrawabilityDelay = config.minValidatorWithdrawabilityDelay().value().longValue();
  }

  // spec: get_validator_churn_limit
  long churnLimit(int activeCount) {
    return Math.max(minPerEpochChurnLimit, activeCount / churnLimitQuotient);
  }

  // spec: compute_activation_exit_epoch
  long activationExitEpoch(long epoch) {
    return Math.addExact(Math.addExact(epoch, 1), maxSeedLookahead);
  }

  void apply(EpochWorkspace w, ParticipationTotals totals, long finalizedEpoch) {
    long churnLimit = churnLimit(totals.activeCount());
    long activationExitEpoch = activationExitEpoch(w.currentEpoch);
    ExitQueue exits = null;
    for (int i = 0; i < w.size; i++) {
      // spec: is_eligible_for_activation_queue
      if (w.activationEligibilityEpoch[i] == EpochWorkspace.FAR_FUTURE
          && w.effectiveBalance[i] == maxEffectiveBalance) {
        w.activationEligibilityEpoch[i] = w.currentEpoch + 1;
        w.markValidatorChanged(i);
      }
      if (w.isActive(i, w.currentEpoch)
          && Long.compareUnsigned(w.effectiveBalance[i], ejectionBalance) <= 0) {
        if (exits == null) {
          exits = new ExitQueue(w, churnLimit, activationExitEpoch, withdrawabilityDelay);
        }
        exits.initiateValidatorExit(i);
      }
    }
    for (int index : activationQueue(w, finalizedEpoch, churnLimit)) {
      w.activationEpoch[index] = activationExitEpoch;
      w.markValidatorChanged(index);
    }
  }

  /**
   * The first {@code churnLimit} validators of the activation queue, ordered by (eligibility epoch,
   * index). Candidates are collected in index order and stably sorted by eligibility epoch.
   */
  private static int[] activationQueue(EpochWorkspace w, long finalizedEpoch, long churnLimit) {
    int[] queue = new int[16];
    int count = 0;
    for (int i = 0; i < w.size; i++) {
      // spec: is_eligible_for_activation
      if (Long.compareUnsigned(w.activationEligibilityEpoch[i], finalizedEpoch) <= 0
          && w.activationEpoch[i] == EpochWorkspace.FAR_FUTURE) {
        if (count == queue.length) {
          queue = Arrays.copyOf(queue, count * 2);
        }
        queue[count++] = i;
      }
    }
    // Sort key (eligibility epoch, index). Eligibility epochs are at most the finalized epoch, in
    // practice far below 2^31: then the key packs into one long and a primitive sort orders it.
    if (Long.compareUnsigned(finalizedEpoch, Integer.MAX_VALUE) <= 0) {
      long[] keys = new long[count];
      for (int k = 0; k < count; k++) {
        keys[k] = (w.activationEligibilityEpoch[queue[k]] << 32) | queue[k];
      }
      Arrays.sort(keys);
      for (int k = 0; k < count; k++) {
        queue[k] = (int) keys[k];
      }
    } else {
      Integer[] boxed = new Integer[count];
      for (int k = 0; k < count; k++) {
        boxed[k] = queue[k];
      }
      Arrays.sort(
          boxed,
          (a, b) ->
              Long.compareUnsigned(
                  w.activationEligibilityEpoch[a], w.activationEligibilityEpoch[b]));
      for (int k = 0; k < count; k++) {
        queue[k] = boxed[k];
      }
    }
    int take = (int) Math.min(count, churnLimit);
    return Arrays.copyOf(queue, take);
  }
}
