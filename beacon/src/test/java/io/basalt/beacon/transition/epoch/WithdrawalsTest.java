package io.basalt.beacon.transition.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import org.junit.jupiter.api.Test;

/** Basalt's withdrawal queue: withdrawable validators' balances become pending withdrawals. */
class WithdrawalsTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private static final long EPOCH = 300;

  private final EpochProcessor processor = new EpochProcessor(CONFIG);

  private static Validator exited(int index, long exit, long withdrawable) {
    return EpochStates.validator(index, 32_000_000_000L)
        .withExitEpoch(Epoch.of(exit))
        .withWithdrawableEpoch(Epoch.of(withdrawable));
  }

  @Test
  void shouldQueueTheBalancesOfWithdrawableValidatorsInIndexOrder() {
    BeaconState state =
        EpochStates.active(CONFIG, 16, EPOCH)
            .updated(
                m ->
                    m.setValidator(3, exited(3, 40, 296))
                        .setBalance(3, Gwei.of(31_500_000_000L))
                        .setValidator(5, exited(5, 44, EPOCH))
                        .setBalance(5, Gwei.of(20_000_000_000L))
                        .setValidator(7, exited(7, 50, EPOCH + 1))
                        .setNextWithdrawalIndex(UInt64.valueOf(41)));

    EpochOutcome outcome = processor.processEpochWithOutcome(state);
    BeaconState after = outcome.state();

    Validator v3 = state.validators().get(3);
    Validator v5 = state.validators().get(5);
    assertThat(after.pendingWithdrawals().toList())
        .containsExactly(
            new PendingWithdrawal(
                UInt64.valueOf(41),
                ValidatorIndex.of(3),
                v3.withdrawalAddress(),
                Gwei.of(31_500_000_000L)),
            new PendingWithdrawal(
                UInt64.valueOf(42),
                ValidatorIndex.of(5),
                v5.withdrawalAddress(),
                Gwei.of(20_000_000_000L)));
    assertThat(after.nextWithdrawalIndex()).isEqualTo(UInt64.valueOf(43));
    assertThat(after.balances().get(3)).isEqualTo(Gwei.ZERO);
    assertThat(after.balances().get(5)).isEqualTo(Gwei.ZERO);
    assertThat(after.validators().get(3).effectiveBalance()).isEqualTo(Gwei.ZERO);
    assertThat(after.balances().get(7)).isEqualTo(Gwei.of(32_000_000_000L)); // not yet
    assertThat(outcome.withdrawn()).isEqualTo(Gwei.of(51_500_000_000L));
  }

  @Test
  void shouldNotQueueAnythingTwice() {
    BeaconState state =
        EpochStates.active(CONFIG, 16, EPOCH).updated(m -> m.setValidator(3, exited(3, 40, 296)));

    BeaconState once = processor.processEpoch(state);
    BeaconState twice =
        processor.processEpoch(
            once.updated(m -> m.setSlot(EpochStates.lastSlot(CONFIG, EPOCH + 1))));

    assertThat(once.pendingWithdrawals().size()).isEqualTo(1);
    assertThat(twice.pendingWithdrawals().size()).isEqualTo(1);
    assertThat(twice.nextWithdrawalIndex()).isEqualTo(UInt64.ONE);
  }
}
