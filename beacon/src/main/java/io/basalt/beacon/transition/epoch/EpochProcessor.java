package io.basalt.beacon.transition.epoch;

import static io.basalt.beacon.state.ParticipationFlags.TIMELY_TARGET_FLAG_INDEX;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Altair's {@code process_epoch} for Basalt's single fork, plus Basalt's pending-shard-header
 * rotation and withdrawal queue (docs/protocol.md, "Epoch processing").
 *
 * <p>Fast path: the per-validator data is read once into primitive columns ({@link
 * EpochWorkspace}), the stake totals are aggregated in one pass ({@link ParticipationTotals}), the
 * registry steps loop over the arrays, and the columns are written back once at the end — balances
 * and inactivity scores rebuilt bottom-up, registry entries only where they changed. The step
 * methods keep the spec's names and order. Pure and thread-safe: the same state gives the same
 * result.
 */
public final class EpochProcessor implements EpochTransition {

  /**
   * Altair's {@code INACTIVITY_SCORE_BIAS}: score added per epoch a validator misses the target.
   */
  public static final long INACTIVITY_SCORE_BIAS = 4;

  /** Altair's {@code INACTIVITY_SCORE_RECOVERY_RATE}: score removed per epoch outside a leak. */
  public static final long INACTIVITY_SCORE_RECOVERY_RATE = 16;

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final RewardsAndPenalties rewardsAndPenalties;
  private final RegistryUpdates registryUpdates;
  private final JustificationAndFinalization justification;
  private final long increment;

  public EpochProcessor(SpecConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.accessors = new BeaconStateAccessors(config);
    this.rewardsAndPenalties = new RewardsAndPenalties(config);
    this.registryUpdates = new RegistryUpdates(config);
    this.justification = new JustificationAndFinalization(accessors);
    this.increment = config.effectiveBalanceIncrement().value().longValue();
  }

  /**
   * Runs the epoch transition on a state at the last slot of an epoch (the slot is not advanced).
   *
   * @throws IllegalStateException if the state's per-validator lists differ in length
   * @throws ArithmeticException if a Gwei or epoch value overflows uint64 (an invalid state)
   */
  // spec: process_epoch
  @Override
  public BeaconState processEpoch(BeaconState state) {
    return processEpochWithOutcome(state).state();
  }

  /** {@link #processEpoch} with the transition's stake accounting. */
  public EpochOutcome processEpochWithOutcome(BeaconState state) {
    long currentEpoch = accessors.getCurrentEpoch(state).value().bits();
    EpochWorkspace.Ledger[] ledger = new EpochWorkspace.Ledger[1];
    BeaconState next =
        state.updated(
            m -> {
              EpochWorkspace w = EpochWorkspace.read(m, currentEpoch);
              ParticipationTotals totals = ParticipationTotals.of(w, increment);
              processJustificationAndFinalization(w, totals);
              processInactivityUpdates(w);
              processRewardsAndPenalties(w, totals);
              processRegistryUpdates(w, totals);
              processSlashings(w, totals);
              processWithdrawals(w);
              processEffectiveBalanceUpdates(w);
              processSlashingsReset(m, currentEpoch);
              processRandaoMixesReset(m, currentEpoch);
              processHistoricalRootsUpdate(m, currentEpoch);
              processParticipationFlagUpdates(m);
              processPendingShardHeaders(m);
              w.writeBack();
              ledger[0] = w.ledger;
            });
    return new EpochOutcome(
        next,
        Gwei.of(ledger[0].rewards),
        Gwei.of(ledger[0].penalties),
        Gwei.of(ledger[0].withdrawn));
  }

  /**
   * Justifies with ≥ 2/3 of the active stake voting for the target; finalizes by phase0's rules.
   */
  // spec: process_justification_and_finalization
  void processJustificationAndFinalization(EpochWorkspace w, ParticipationTotals totals) {
    if (w.currentEpoch <= 1) {
      return;
    }
    justification.weighJustificationAndFinalization(
        w,
        totals.totalActiveBalance(),
        totals.previousFlagBalance(TIMELY_TARGET_FLAG_INDEX),
        totals.currentTargetBalance());
  }

  private static long epoch(Checkpoint checkpoint) {
    return checkpoint.epoch().value().bits();
  }

  // spec: is_in_inactivity_leak (finality delay > MIN_EPOCHS_TO_INACTIVITY_PENALTY)
  boolean isInInactivityLeak(EpochWorkspace w) {
    long finalityDelay = w.previousEpoch - epoch(w.state.finalizedCheckpoint());
    return finalityDelay > config.minEpochsToInactivityPenalty().value().longValue();
  }

  // spec: process_inactivity_updates
  void processInactivityUpdates(EpochWorkspace w) {
    if (w.currentEpoch == 0) {
      return;
    }
    boolean leak = isInInactivityLeak(w);
    long[] scores = w.inactivityScore;
    for (int i = 0; i < w.size; i++) {
      if (!w.isEligible(i)) {
        continue;
      }
      if (w.isPreviousUnslashedParticipant(i, TIMELY_TARGET_FLAG_INDEX)) {
        scores[i] -= Math.min(1, scores[i]);
      } else {
        scores[i] = Math.addExact(scores[i], INACTIVITY_SCORE_BIAS);
      }
      if (!leak) {
        scores[i] -= Math.min(INACTIVITY_SCORE_RECOVERY_RATE, scores[i]);
      }
    }
  }

  /** Timely source, target and head rewards and penalties, and the inactivity-leak penalty. */
  // spec: process_rewards_and_penalties
  void processRewardsAndPenalties(EpochWorkspace w, ParticipationTotals totals) {
    if (w.currentEpoch == 0) {
      return;
    }
    rewardsAndPenalties.apply(w, totals, isInInactivityLeak(w));
  }

  // spec: process_registry_updates
  void processRegistryUpdates(EpochWorkspace w, ParticipationTotals totals) {
    registryUpdates.apply(w, totals, epoch(w.state.finalizedCheckpoint()));
  }

  /** Slashed validators halfway to withdrawability pay a share proportional to all slashings. */
  // spec: process_slashings
  void processSlashings(EpochWorkspace w, ParticipationTotals totals) {
    long totalBalance = totals.totalActiveBalance();
    UInt64 sum = UInt64.ZERO;
    for (Gwei slashed : w.state.slashings().toList()) {
      sum = sum.plus(slashed.value());
    }
    long adjusted =
        Math.min(sum.times(config.proportionalSlashingMultiplier()).longValue(), totalBalance);
    long target = Math.addExact(w.currentEpoch, config.epochsPerSlashingsVector() / 2);
    for (int i = 0; i < w.size; i++) {
      if (w.slashed[i] && w.withdrawableEpoch[i] == target) {
        long numerator = Math.multiplyExact(w.effectiveBalance[i] / increment, adjusted);
        w.ledger.decrease(w.balance, i, numerator / totalBalance * increment);
      }
    }
  }

  /**
   * Basalt: every validator withdrawable by the current epoch with a positive balance has that
   * balance queued as a {@link PendingWithdrawal} to its withdrawal address, numbered by {@code
   * next_withdrawal_index}, and its balance set to zero. Shards consume the queue in index order,
   * so the beacon chain is their receipt source for withdrawals. A later top-up of a withdrawn
   * validator is paid out the same way at the next epoch boundary.
   */
  void processWithdrawals(EpochWorkspace w) {
    MutableBeaconState m = w.state;
    long next = m.nextWithdrawalIndex().bits();
    long first = next;
    ListView<PendingWithdrawal> withdrawals = m.pendingWithdrawals();
    for (int i = 0; i < w.size; i++) {
      if (w.balance[i] > 0 && Long.compareUnsigned(w.withdrawableEpoch[i], w.currentEpoch) <= 0) {
        long amount = w.balance[i];
        withdrawals =
            withdrawals.append(
                new PendingWithdrawal(
                    UInt64.fromBits(next),
                    ValidatorIndex.of(i),
                    m.validators().get(i).withdrawalAddress(),
                    Gwei.of(amount)));
        next = Math.addExact(next, 1);
        w.balance[i] = 0;
        w.ledger.withdrawn += amount;
      }
    }
    if (next != first) {
      m.setPendingWithdrawals(withdrawals);
      m.setNextWithdrawalIndex(UInt64.fromBits(next));
    }
  }

  /** Effective balances follow balances in whole increments, with hysteresis. */
  // spec: process_effective_balance_updates
  void processEffectiveBalanceUpdates(EpochWorkspace w) {
    long hysteresisIncrement = increment / config.hysteresisQuotient().longValue();
    long downward = hysteresisIncrement * config.hysteresisDownwardMultiplier().longValue();
    long upward = hysteresisIncrement * config.hysteresisUpwardMultiplier().longValue();
    long max = config.maxEffectiveBalance().value().longValue();
    for (int i = 0; i < w.size; i++) {
      long balance = w.balance[i];
      long effective = w.effectiveBalance[i];
      if (balance + downward < effective || effective + upward < balance) {
        w.effectiveBalance[i] = Math.min(balance - balance % increment, max);
        w.markValidatorChanged(i);
      }
    }
  }

  // spec: process_slashings_reset
  void processSlashingsReset(MutableBeaconState m, long currentEpoch) {
    m.setSlashing((currentEpoch + 1) % config.epochsPerSlashingsVector(), Gwei.ZERO);
  }

  // spec: process_randao_mixes_reset
  void processRandaoMixesReset(MutableBeaconState m, long currentEpoch) {
    int vector = config.epochsPerHistoricalVector();
    m.setRandaoMix((currentEpoch + 1) % vector, m.randaoMixes().get(currentEpoch % vector));
  }

  /** Every {@code SLOTS_PER_HISTORICAL_ROOT} slots, appends the root of the root vectors. */
  // spec: process_historical_roots_update
  void processHistoricalRootsUpdate(MutableBeaconState m, long currentEpoch) {
    long period = config.slotsPerHistoricalRoot() / config.slotsPerEpoch();
    if ((currentEpoch + 1) % period == 0) {
      // hash_tree_root(HistoricalBatch(block_roots, state_roots)): a two-field container.
      Bytes32 batchRoot =
          Bytes32.wrap(
              Hash.sha256(
                  m.blockRoots().hashTreeRoot().toArrayUnsafe(),
                  m.stateRoots().hashTreeRoot().toArrayUnsafe()));
      m.setHistoricalRoots(m.historicalRoots().append(batchRoot));
    }
  }

  /** Current participation becomes previous; the new current starts all zero (O(1) tree). */
  // spec: process_participation_flag_updates
  void processParticipationFlagUpdates(MutableBeaconState m) {
    ListView<Integer> current = m.currentEpochParticipation();
    m.setPreviousEpochParticipation(current);
    m.setCurrentEpochParticipation(PackedLists.zeros(current, current.size()));
  }

  /**
   * Basalt: current pending shard headers become the previous epoch's (attestations of the previous
   * epoch may still vote for them); the previous epoch's, no longer votable, are dropped.
   */
  void processPendingShardHeaders(MutableBeaconState m) {
    m.setPreviousEpochPendingShardHeaders(m.currentEpochPendingShardHeaders());
    m.setCurrentEpochPendingShardHeaders(m.schemas().pendingShardHeaders().empty());
  }
}
