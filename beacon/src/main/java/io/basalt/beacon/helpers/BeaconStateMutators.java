package io.basalt.beacon.helpers;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.ParticipationFlags;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.RegistryColumns;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The phase0/Altair state mutators. They change a {@link MutableBeaconState} inside {@code
 * state.updated(...)}; reads they need go through a cheap {@link MutableBeaconState#snapshot()}.
 * Thread-safe (the mutable state is not).
 */
public final class BeaconStateMutators {

  private static final long FAR_FUTURE = Validator.FAR_FUTURE_EPOCH.value().bits();

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;

  public BeaconStateMutators(SpecConfig config, BeaconStateAccessors accessors) {
    this.config = Objects.requireNonNull(config, "config");
    this.accessors = Objects.requireNonNull(accessors, "accessors");
  }

  // spec: increase_balance
  public void increaseBalance(MutableBeaconState state, ValidatorIndex index, Gwei delta) {
    long i = checkedIndex(state, index);
    state.setBalance(i, state.balances().get(i).plus(delta));
  }

  /** Decreases a balance, stopping at zero. */
  // spec: decrease_balance
  public void decreaseBalance(MutableBeaconState state, ValidatorIndex index, Gwei delta) {
    long i = checkedIndex(state, index);
    state.setBalance(i, state.balances().get(i).minusMinZero(delta));
  }

  /**
   * Schedules the validator's exit at the first epoch of the exit queue with room under the churn
   * limit, and its withdrawability {@code MIN_VALIDATOR_WITHDRAWABILITY_DELAY} later. No-op if an
   * exit is already scheduled. Walks the registry once to find the queue's tail.
   */
  // spec: initiate_validator_exit
  public void initiateValidatorExit(MutableBeaconState state, ValidatorIndex index) {
    long i = checkedIndex(state, index);
    Validator validator = state.validators().get(i);
    if (!validator.exitEpoch().equals(Validator.FAR_FUTURE_EPOCH)) {
      return;
    }
    BeaconState snapshot = state.snapshot();
    Epoch exitQueueEpoch =
        accessors.misc().computeActivationExitEpoch(accessors.getCurrentEpoch(snapshot));
    RegistryColumns registry = RegistryColumns.of(snapshot);
    long queueEpoch = exitQueueEpoch.value().bits();
    for (int v = 0; v < registry.size(); v++) {
      long exit = registry.exitEpoch(v);
      if (exit != FAR_FUTURE && Long.compareUnsigned(exit, queueEpoch) > 0) {
        queueEpoch = exit;
      }
    }
    long churn = 0;
    for (int v = 0; v < registry.size(); v++) {
      if (registry.exitEpoch(v) == queueEpoch) {
        churn++;
      }
    }
    exitQueueEpoch = RegistryColumns.epoch(queueEpoch);
    if (!UInt64.valueOf(churn).isLessThan(accessors.getValidatorChurnLimit(snapshot))) {
      exitQueueEpoch = exitQueueEpoch.plus(1);
    }
    state.setValidator(
        i,
        validator
            .withExitEpoch(exitQueueEpoch)
            .withWithdrawableEpoch(
                exitQueueEpoch.plus(
                    config.minValidatorWithdrawabilityDelay().value().longValue())));
  }

  /**
   * Slashes a validator: exit, slashed flag, withdrawability pushed back by {@code
   * EPOCHS_PER_SLASHINGS_VECTOR}, its effective balance recorded in {@code slashings}, an immediate
   * penalty of {@code effective_balance / MIN_SLASHING_PENALTY_QUOTIENT}, and the whistleblower
   * reward ({@code effective_balance / WHISTLEBLOWER_REWARD_QUOTIENT}) split as in Altair: the
   * proposer gets {@code PROPOSER_WEIGHT / WEIGHT_DENOMINATOR} of it, the whistleblower (the
   * proposer when absent) the rest.
   */
  // spec: slash_validator
  public void slashValidator(
      MutableBeaconState state,
      ValidatorIndex slashedIndex,
      Optional<ValidatorIndex> whistleblower) {
    long i = checkedIndex(state, slashedIndex);
    Epoch epoch = accessors.getCurrentEpoch(state.snapshot());
    initiateValidatorExit(state, slashedIndex);
    Validator validator = state.validators().get(i);
    Epoch withdrawable = epoch.plus(config.epochsPerSlashingsVector());
    Validator slashed =
        validator
            .withSlashed(true)
            .withWithdrawableEpoch(
                validator.withdrawableEpoch().isAfter(withdrawable)
                    ? validator.withdrawableEpoch()
                    : withdrawable);
    state.setValidator(i, slashed);
    Gwei effectiveBalance = slashed.effectiveBalance();
    long slashingsIndex = epoch.value().mod(config.epochsPerSlashingsVector()).longValue();
    state.setSlashing(slashingsIndex, state.slashings().get(slashingsIndex).plus(effectiveBalance));
    decreaseBalance(
        state,
        slashedIndex,
        new Gwei(effectiveBalance.value().dividedBy(config.minSlashingPenaltyQuotient())));

    ValidatorIndex proposer = accessors.getBeaconProposerIndex(state.snapshot());
    Gwei whistleblowerReward =
        new Gwei(effectiveBalance.value().dividedBy(config.whistleblowerRewardQuotient()));
    Gwei proposerReward =
        whistleblowerReward
            .times(ParticipationFlags.PROPOSER_WEIGHT)
            .dividedBy(ParticipationFlags.WEIGHT_DENOMINATOR);
    increaseBalance(state, proposer, proposerReward);
    increaseBalance(
        state, whistleblower.orElse(proposer), whistleblowerReward.minus(proposerReward));
  }

  /**
   * Removes the first {@code count} deposits of the pending-deposit queue (those a block just
   * included). Rebuilds the queue, which is short.
   */
  public void dequeuePendingDeposits(MutableBeaconState state, int count) {
    long size = state.pendingDeposits().size();
    if (count < 0 || count > size) {
      throw new IllegalArgumentException(
          "Cannot dequeue " + count + " of " + size + " pending deposits");
    }
    if (count == 0) {
      return;
    }
    List<PendingDeposit> remaining = state.pendingDeposits().toList();
    state.setPendingDeposits(
        state.schemas().pendingDeposits().of(remaining.subList(count, remaining.size())));
  }

  private static long checkedIndex(MutableBeaconState state, ValidatorIndex index) {
    long size = state.validators().size();
    if (!index.value().isLessThan(UInt64.valueOf(size))) {
      throw new IllegalArgumentException(
          "Validator " + index + " is not in the registry of " + size);
    }
    return index.value().longValue();
  }
}
