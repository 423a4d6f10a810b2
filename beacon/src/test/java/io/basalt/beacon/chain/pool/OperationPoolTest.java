package io.basalt.beacon.chain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class OperationPoolTest {

  private static final SpecConfig CONFIG = TestStates.LOCAL;
  private final OperationValidators validators =
      new OperationValidators(CONFIG, new BeaconStateAccessors(CONFIG), new Predicates(CONFIG));
  private final long period = CONFIG.shardCommitteePeriod().value().longValue();
  private final BeaconState matured =
      TestStates.atSlot(TestStates.genesis64(), period * CONFIG.slotsPerEpoch());

  @Test
  void shouldDeduplicateExitsByValidator() {
    OperationPool<ValidatorIndex, SignedVoluntaryExit> pool = validators.voluntaryExitPool(8);
    assertThat(pool.add(exit(3, 0))).isTrue();
    assertThat(pool.add(exit(3, 1))).isFalse();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldDropOldestWhenFull() {
    OperationPool<ValidatorIndex, SignedVoluntaryExit> pool = validators.voluntaryExitPool(2);
    pool.add(exit(1, 0));
    pool.add(exit(2, 0));
    pool.add(exit(3, 0));

    assertThat(pool.size()).isEqualTo(2);
    assertThat(pool.droppedCount()).isEqualTo(1);
    assertThat(pool.getForBlock(matured, 10)).containsExactly(exit(2, 0), exit(3, 0));
  }

  @Test
  void shouldPackOnlyOperationsValidOnTheStateAndForgetInvalidOnes() {
    OperationPool<ValidatorIndex, SignedVoluntaryExit> pool = validators.voluntaryExitPool(8);
    pool.add(exit(1, 0));
    pool.add(exit(999, 0)); // no such validator
    pool.add(exit(2, period + 5)); // exit epoch in the future

    assertThat(pool.getForBlock(matured, 10)).containsExactly(exit(1, 0));
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldRefuseExitBeforeShardCommitteePeriod() {
    assertThat(validators.checkVoluntaryExit(TestStates.genesis64(), exit(1, 0))).isPresent();
    assertThat(validators.checkVoluntaryExit(matured, exit(1, 0))).isEmpty();
  }

  @Test
  void shouldRespectMaximumPerBlock() {
    OperationPool<ValidatorIndex, SignedVoluntaryExit> pool = validators.voluntaryExitPool(8);
    pool.add(exit(1, 0));
    pool.add(exit(2, 0));
    assertThat(pool.getForBlock(matured, 1)).containsExactly(exit(1, 0));
  }

  private static SignedVoluntaryExit exit(long validator, long epoch) {
    return new SignedVoluntaryExit(
        new VoluntaryExit(Epoch.of(epoch), ValidatorIndex.of(validator)), Bytes.wrap(new byte[96]));
  }
}
