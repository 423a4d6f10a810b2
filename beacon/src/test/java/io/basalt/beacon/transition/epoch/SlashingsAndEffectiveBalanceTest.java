package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.config.SpecConfig;
import org.junit.jupiter.api.Test;

/**
 * Proportional slashing penalties and effective-balance hysteresis. The states are at epoch 0,
 * where no rewards or penalties are paid, so balances change only by the step under test.
 */
class SlashingsAndEffectiveBalanceTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final long MAX = 32_000_000_000L;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  private static long balance(BeaconState state, int index) {
    return state.balances().get(index).value().longValue();
  }

  private static long effective(BeaconState state, int index) {
    return state.validators().get(index).effectiveBalance().value().longValue();
  }

  @Test
  void shouldPenaliseSlashedValidatorsHalfwayToWithdrawabilityInProportion() {
    // EPOCHS_PER_SLASHINGS_VECTOR = 64: the penalty falls when withdrawable == epoch + 32.
    BeaconState state =
        EpochStates.active(CONFIG, 64, 0)
            .updated(
                m ->
                    m.setSlashing(0, Gwei.of(64_000_000_000L))
                        .setValidator(
                            1,
                            EpochStates.validator(1, MAX)
                                .withSlashed(true)
                                .withExitEpoch(Epoch.of(5))
                                .withWithdrawableEpoch(Epoch.of(32)))
                        .setValidator(
                            2,
                            EpochStates.validator(2, MAX)
                                .withSlashed(true)
                                .withExitEpoch(Epoch.of(5))
                                .withWithdrawableEpoch(Epoch.of(33))));

    EpochOutcome outcome = processor.processEpochWithOutcome(state);

    // min(64e9 * PROPORTIONAL_SLASHING_MULTIPLIER (2), 2048e9) = 128e9;
    // penalty = 32 * 128e9 / 2048e9 (= 2, integer division) * 1e9.
    assertThat(balance(outcome.state(), 1)).isEqualTo(MAX - 2_000_000_000L);
    assertThat(balance(outcome.state(), 2)).isEqualTo(MAX);
    assertThat(outcome.penalties()).isEqualTo(Gwei.of(2_000_000_000L));
  }

  @Test
  void shouldMoveEffectiveBalancesOnlyPastTheHysteresisThresholds() {
    // Hysteresis increment 1e9 / 4: down threshold 0.25e9, up threshold 1.25e9.
    long[][] cases = {
      // {effective before, balance, effective after}
      {MAX, 31_760_000_000L, MAX}, // 31.76 + 0.25 > 32: keep
      {MAX, 31_740_000_000L, 31_000_000_000L}, // 31.74 + 0.25 < 32: down to whole ETH
      {31_000_000_000L, 32_240_000_000L, 31_000_000_000L}, // 31 + 1.25 > 32.24: keep
      {31_000_000_000L, 32_260_000_000L, MAX}, // past the up threshold
      {31_000_000_000L, 40_000_000_000L, MAX}, // capped at MAX_EFFECTIVE_BALANCE
      {MAX, 0, 0},
    };
    BeaconState state = EpochStates.active(CONFIG, 64, 0);
    for (int k = 0; k < cases.length; k++) {
      int index = k;
      long[] c = cases[k];
      state =
          state.updated(
              m ->
                  m.setValidator(index, EpochStates.validator(index, c[0]))
                      .setBalance(index, Gwei.of(c[1])));
    }

    BeaconState after = processor.processEpoch(state);

    for (int k = 0; k < cases.length; k++) {
      assertThat(effective(after, k)).as("case %d", k).isEqualTo(cases[k][2]);
      assertThat(balance(after, k)).as("case %d", k).isEqualTo(cases[k][1]);
    }
  }
}
