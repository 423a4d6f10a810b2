package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Activation eligibility, ejection at EJECTION_BALANCE and the activation queue, with churn. */
class RegistryUpdatesTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final long EPOCH = 10;
  // compute_activation_exit_epoch(10) = 10 + 1 + MAX_SEED_LOOKAHEAD (4)
  private static final long ACTIVATION_EXIT_EPOCH = 15;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  private static Validator validator(BeaconState state, int index) {
    return state.validators().get(index);
  }

  private static BeaconState withValidator(BeaconState state, int index, Validator validator) {
    return state.updated(m -> m.setValidator(index, validator));
  }

  @Test
  void shouldEjectValidatorsAtEjectionBalanceWithinTheChurnLimit() {
    // 64 active validators: churn limit max(4, 64 / 32) = 4. Six fall to EJECTION_BALANCE.
    BeaconState state = EpochStates.active(CONFIG, 64, EPOCH);
    for (int i = 0; i < 6; i++) {
      state = withValidator(state, i, EpochStates.validator(i, 16_000_000_000L));
    }
    state = withValidator(state, 6, EpochStates.validator(6, 17_000_000_000L));

    BeaconState after = processor.processEpoch(state);

    for (int i = 0; i < 4; i++) {
      assertThat(validator(after, i).exitEpoch()).isEqualTo(Epoch.of(ACTIVATION_EXIT_EPOCH));
      assertThat(validator(after, i).withdrawableEpoch())
          .isEqualTo(Epoch.of(ACTIVATION_EXIT_EPOCH + 256));
    }
    for (int i = 4; i < 6; i++) {
      assertThat(validator(after, i).exitEpoch()).isEqualTo(Epoch.of(ACTIVATION_EXIT_EPOCH + 1));
    }
    assertThat(validator(after, 6).exitEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
  }

  @Test
  void shouldQueueEjectionsBehindExitsAlreadyScheduled() {
    BeaconState state = EpochStates.active(CONFIG, 64, EPOCH);
    // Four exits already fill epoch 20; an ejection goes to 21.
    for (int i = 10; i < 14; i++) {
      state =
          withValidator(
              state,
              i,
              EpochStates.validator(i, 32_000_000_000L)
                  .withExitEpoch(Epoch.of(20))
                  .withWithdrawableEpoch(Epoch.of(276)));
    }
    state = withValidator(state, 0, EpochStates.validator(0, 15_000_000_000L));

    BeaconState after = processor.processEpoch(state);

    assertThat(validator(after, 0).exitEpoch()).isEqualTo(Epoch.of(21));
  }

  @Test
  void shouldMakeFullDepositsEligibleForTheActivationQueue() {
    BeaconState state = EpochStates.active(CONFIG, 64, EPOCH);
    Validator pending =
        EpochStates.validator(1, 32_000_000_000L)
            .withActivationEligibilityEpoch(Validator.FAR_FUTURE_EPOCH)
            .withActivationEpoch(Validator.FAR_FUTURE_EPOCH);
    state = withValidator(state, 1, pending);
    state = withValidator(state, 2, pending.withEffectiveBalance(Gwei.of(31_000_000_000L)));

    BeaconState after = processor.processEpoch(state);

    assertThat(validator(after, 1).activationEligibilityEpoch()).isEqualTo(Epoch.of(EPOCH + 1));
    assertThat(validator(after, 2).activationEligibilityEpoch())
        .isEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(validator(after, 1).activationEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
  }

  @Test
  void shouldActivateTheOldestFinalizedEligibilitiesFirstUpToTheChurnLimit() {
    BeaconState state =
        EpochStates.active(CONFIG, 64, EPOCH)
            .updated(m -> m.setFinalizedCheckpoint(new Checkpoint(Epoch.of(8), Bytes32.ZERO)));
    // Eligibility epochs by index; 9 is after the finalized epoch 8 and must wait.
    long[] eligibility = {7, 3, 5, 3, 9, 1};
    for (int k = 0; k < eligibility.length; k++) {
      int index = 20 + k;
      state =
          withValidator(
              state,
              index,
              EpochStates.validator(index, 32_000_000_000L)
                  .withActivationEligibilityEpoch(Epoch.of(eligibility[k]))
                  .withActivationEpoch(Validator.FAR_FUTURE_EPOCH));
    }

    BeaconState after = processor.processEpoch(state);

    // Queue order (eligibility, index): 25 (1), 21 (3), 23 (3), 22 (5) | 20 (7); 24 not eligible.
    for (int index : new int[] {25, 21, 23, 22}) {
      assertThat(validator(after, index).activationEpoch())
          .isEqualTo(Epoch.of(ACTIVATION_EXIT_EPOCH));
    }
    assertThat(validator(after, 20).activationEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(validator(after, 24).activationEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
  }
}
