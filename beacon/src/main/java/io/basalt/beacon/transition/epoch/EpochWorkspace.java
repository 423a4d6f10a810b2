package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.state.ValidatorFieldColumns;
import io.basalt.common.ssz.view.ListView;

/**
 * The per-validator data of one epoch transition as primitive columns: read from the state in one
 * walk per list at the start, changed in place by the steps, and written back once at the end. This
 * is what makes epoch processing O(validators) in plain array loops instead of a million {@code
 * Validator} records and tree descents (a record per validator costs ~2 s at 1M, the columns ~0.1
 * s). The registry is read through {@link ValidatorFieldColumns}, straight into the arrays the
 * steps change, without a second copy.
 *
 * <p>Values are uint64 bit patterns in {@code long}s; epochs compare unsigned ({@code
 * FAR_FUTURE_EPOCH} is {@code -1L}). Gwei amounts stay far below {@code 2^63} and use exact signed
 * arithmetic. Single-threaded; lives inside one {@code state.updated(...)} call.
 */
final class EpochWorkspace {

  static final long FAR_FUTURE = Validator.FAR_FUTURE_EPOCH.value().bits();

  /** The state being changed; the non-registry steps write to it directly. */
  final MutableBeaconState state;

  final int size;
  final long currentEpoch;
  final long previousEpoch;

  /** The registry's numeric fields; the arrays below are its columns. */
  private final ValidatorFieldColumns fields;

  final long[] effectiveBalance;
  final boolean[] slashed;
  final long[] activationEligibilityEpoch;
  final long[] activationEpoch;
  final long[] exitEpoch;
  final long[] withdrawableEpoch;
  final long[] balance;
  final long[] inactivityScore;
  final byte[] previousParticipation;
  final byte[] currentParticipation;

  /** Registry entries whose numeric fields changed: rewritten by {@link RegistryWriter}. */
  private final boolean[] validatorChanged;

  private int changedValidators;

  /** What the steps added to and took from balances, and what left them as withdrawals. */
  final Ledger ledger = new Ledger();

  private EpochWorkspace(
      MutableBeaconState state,
      long currentEpoch,
      long[] balance,
      long[] inactivityScore,
      byte[] previousParticipation,
      byte[] currentParticipation) {
    int size = balance.length;
    this.state = state;
    this.size = size;
    this.currentEpoch = currentEpoch;
    this.previousEpoch = currentEpoch == 0 ? 0 : currentEpoch - 1;
    ValidatorFieldColumns fields = ValidatorFieldColumns.allocate(size);
    this.fields = fields;
    this.effectiveBalance = fields.effectiveBalance();
    this.slashed = fields.slashed();
    this.activationEligibilityEpoch = fields.activationEligibilityEpoch();
    this.activationEpoch = fields.activationEpoch();
    this.exitEpoch = fields.exitEpoch();
    this.withdrawableEpoch = fields.withdrawableEpoch();
    this.validatorChanged = new boolean[size];
    this.balance = balance;
    this.inactivityScore = inactivityScore;
    this.previousParticipation = previousParticipation;
    this.currentParticipation = currentParticipation;
  }

  /**
   * Reads the registry, balances, participation and inactivity scores of {@code state}: one walk of
   * each tree, straight into the arrays the steps change.
   *
   * @throws IllegalStateException if the per-validator lists differ in length (a broken state)
   */
  static EpochWorkspace read(MutableBeaconState state, long currentEpoch) {
    ListView<Validator> validators = state.validators();
    int size = Math.toIntExact(validators.size());
    requireLength(state.balances(), size, "balances");
    requireLength(state.previousEpochParticipation(), size, "previous_epoch_participation");
    requireLength(state.currentEpochParticipation(), size, "current_epoch_participation");
    requireLength(state.inactivityScores(), size, "inactivity_scores");
    EpochWorkspace w =
        new EpochWorkspace(
            state,
            currentEpoch,
            PackedLists.readUInt64s(state.balances()),
            PackedLists.readUInt64s(state.inactivityScores()),
            PackedLists.readUInt8s(state.previousEpochParticipation()),
            PackedLists.readUInt8s(state.currentEpochParticipation()));
    w.fields.readFrom(validators);
    return w;
  }

  private static void requireLength(ListView<?> list, int size, String name) {
    if (list.size() != size) {
      throw new IllegalStateException(
          "Broken state: " + name + " has " + list.size() + " entries for " + size + " validators");
    }
  }

  // spec: is_active_validator
  boolean isActive(int index, long epoch) {
    return Long.compareUnsigned(activationEpoch[index], epoch) <= 0
        && Long.compareUnsigned(epoch, exitEpoch[index]) < 0;
  }

  /** Active in the previous epoch, or slashed and not yet withdrawable. */
  // spec: get_eligible_validator_indices (membership)
  boolean isEligible(int index) {
    return isActive(index, previousEpoch)
        || (slashed[index]
            && Long.compareUnsigned(previousEpoch + 1, withdrawableEpoch[index]) < 0);
  }

  /** Whether the validator is in {@code get_unslashed_participating_indices(flag, previous)}. */
  boolean isPreviousUnslashedParticipant(int index, int flagIndex) {
    return !slashed[index]
        && (previousParticipation[index] & (1 << flagIndex)) != 0
        && isActive(index, previousEpoch);
  }

  /** Records that registry entry {@code index} changed, to be written back. */
  void markValidatorChanged(int index) {
    if (!validatorChanged[index]) {
      validatorChanged[index] = true;
      changedValidators++;
    }
  }

  /**
   * Writes the columns back: the changed registry entries, balances and inactivity scores, each
   * rebuilt bottom-up in one pass that keeps unchanged subtrees. Participation lists are rotated by
   * their own step and are not written here.
   */
  void writeBack() {
    if (changedValidators > 0) {
      int[] changed = new int[changedValidators];
      int next = 0;
      for (int i = 0; i < size; i++) {
        if (validatorChanged[i]) {
          changed[next++] = i;
        }
      }
      state.setValidators(RegistryWriter.write(state.validators(), changed, this));
    }
    state.setBalances(PackedLists.withUInt64s(state.balances(), balance));
    state.setInactivityScores(PackedLists.withUInt64s(state.inactivityScores(), inactivityScore));
  }

  /** Running totals of balance changes, for the supply accounting of {@link EpochOutcome}. */
  static final class Ledger {
    long rewards;
    long penalties;
    long withdrawn;

    /** Adds {@code reward} to balance {@code i}. */
    void increase(long[] balances, int i, long reward) {
      balances[i] = Math.addExact(balances[i], reward);
      rewards += reward;
    }

    /** Takes {@code penalty} from balance {@code i}, stopping at zero (spec decrease_balance). */
    void decrease(long[] balances, int i, long penalty) {
      long taken = Math.min(balances[i], penalty);
      balances[i] -= taken;
      penalties += taken;
    }
  }
}
