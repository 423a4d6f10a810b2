package io.basalt.beacon.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

class BeaconStateMutatorsTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  private final BeaconStateMutators mutators = new BeaconStateMutators(CONFIG, accessors);
  private final BeaconState genesis = TestStates.genesis64();
  private final Gwei max = CONFIG.maxEffectiveBalance();

  @Test
  void balancesShouldIncreaseAndDecreaseWithoutGoingBelowZero() {
    BeaconState state =
        genesis.updated(
            m -> {
              mutators.increaseBalance(m, ValidatorIndex.of(1), Gwei.of(5));
              mutators.decreaseBalance(m, ValidatorIndex.of(2), Gwei.of(7));
              mutators.decreaseBalance(m, ValidatorIndex.of(3), max.times(2));
            });
    assertThat(state.balances().get(1)).isEqualTo(max.plus(Gwei.of(5)));
    assertThat(state.balances().get(2)).isEqualTo(max.minus(Gwei.of(7)));
    assertThat(state.balances().get(3)).isEqualTo(Gwei.ZERO);
  }

  @Test
  void unknownValidatorShouldBeAClearError() {
    assertThatThrownBy(
            () ->
                genesis.updated(
                    m -> mutators.increaseBalance(m, ValidatorIndex.of(64), Gwei.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in the registry");
  }

  @Test
  void exitQueueShouldRespectTheChurnLimit() {
    // 64 validators: churn limit is MIN_PER_EPOCH_CHURN_LIMIT = 4.
    BeaconState state =
        genesis.updated(
            m -> {
              for (int i = 0; i < 6; i++) {
                mutators.initiateValidatorExit(m, ValidatorIndex.of(i));
              }
            });
    Epoch first = accessors.misc().computeActivationExitEpoch(Epoch.ZERO);
    for (int i = 0; i < 4; i++) {
      assertThat(state.validators().get(i).exitEpoch()).isEqualTo(first);
    }
    assertThat(state.validators().get(4).exitEpoch()).isEqualTo(first.plus(1));
    assertThat(state.validators().get(5).exitEpoch()).isEqualTo(first.plus(1));
    assertThat(state.validators().get(4).withdrawableEpoch())
        .isEqualTo(
            first.plus(1).plus(CONFIG.minValidatorWithdrawabilityDelay().value().longValue()));
    assertThat(state.validators().get(6).exitEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
  }

  @Test
  void exitShouldBeIdempotent() {
    BeaconState once =
        genesis.updated(m -> mutators.initiateValidatorExit(m, ValidatorIndex.of(9)));
    BeaconState twice = once.updated(m -> mutators.initiateValidatorExit(m, ValidatorIndex.of(9)));
    assertThat(twice.hashTreeRoot()).isEqualTo(once.hashTreeRoot());
  }

  @Test
  void slashingShouldPenaliseAndRewardProposerAndWhistleblower() {
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(genesis);
    ValidatorIndex slashed = ValidatorIndex.of(proposer.intValue() == 10 ? 11 : 10);
    ValidatorIndex whistleblower = ValidatorIndex.of(proposer.intValue() == 20 ? 21 : 20);
    BeaconState state =
        genesis.updated(m -> mutators.slashValidator(m, slashed, Optional.of(whistleblower)));

    Validator v = state.validators().get(slashed.intValue());
    assertThat(v.slashed()).isTrue();
    assertThat(v.exitEpoch()).isEqualTo(accessors.misc().computeActivationExitEpoch(Epoch.ZERO));
    assertThat(v.withdrawableEpoch())
        .isEqualTo(
            v.exitEpoch().plus(CONFIG.minValidatorWithdrawabilityDelay().value().longValue()));
    assertThat(state.slashings().get(0)).isEqualTo(max);

    Gwei penalty = max.dividedBy(CONFIG.minSlashingPenaltyQuotient().longValue());
    Gwei reward = max.dividedBy(CONFIG.whistleblowerRewardQuotient().longValue());
    Gwei proposerReward = reward.times(8).dividedBy(64);
    assertThat(state.balances().get(slashed.intValue())).isEqualTo(max.minus(penalty));
    assertThat(state.balances().get(proposer.intValue())).isEqualTo(max.plus(proposerReward));
    assertThat(state.balances().get(whistleblower.intValue()))
        .isEqualTo(max.plus(reward.minus(proposerReward)));
  }

  @Test
  void slashingWithoutWhistleblowerShouldPayTheWholeRewardToTheProposer() {
    ValidatorIndex proposer = accessors.getBeaconProposerIndex(genesis);
    ValidatorIndex slashed = ValidatorIndex.of(proposer.intValue() == 10 ? 11 : 10);
    BeaconState state = genesis.updated(m -> mutators.slashValidator(m, slashed, Optional.empty()));
    Gwei reward = max.dividedBy(CONFIG.whistleblowerRewardQuotient().longValue());
    assertThat(state.balances().get(proposer.intValue())).isEqualTo(max.plus(reward));
  }

  @Test
  void dequeuingPendingDepositsShouldKeepTheRestInOrder() {
    PendingDeposit a = deposit(1);
    PendingDeposit b = deposit(2);
    PendingDeposit c = deposit(3);
    BeaconState queued =
        genesis.updated(
            m -> m.setPendingDeposits(m.pendingDeposits().append(a).append(b).append(c)));
    BeaconState after = queued.updated(m -> mutators.dequeuePendingDeposits(m, 2));
    assertThat(after.pendingDeposits().toList()).containsExactly(c);
    assertThatThrownBy(() -> queued.updated(m -> mutators.dequeuePendingDeposits(m, 4)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static PendingDeposit deposit(int seed) {
    return new PendingDeposit(
        Bytes48.wrap(Bytes.repeat((byte) seed, 48)),
        new Address(Bytes.repeat((byte) seed, 20)),
        Gwei.of(seed),
        Bytes.wrap(new byte[96]));
  }
}
