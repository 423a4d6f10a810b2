package io.basalt.beacon.transition.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ValidatorIndex;
import org.junit.jupiter.api.Test;

class PubkeyCacheTest {

  private final PubkeyCache cache = new PubkeyCache();

  @Test
  void cachesKeysOfValidatorsWithScheduledActivation() {
    BeaconState genesis = TestStates.genesis64();
    assertThat(cache.get(genesis, ValidatorIndex.of(7)).toBytes())
        .isEqualTo(InteropKeys.secretKey(7).publicKey().toBytes());
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.get(genesis, ValidatorIndex.of(7)))
        .isSameAs(cache.get(genesis, ValidatorIndex.of(7)));
  }

  @Test
  void neverCachesKeysOfValidatorsNotYetScheduledForActivation() {
    BeaconState pending =
        TestStates.genesis64()
            .updated(
                m ->
                    m.setValidator(
                        9, m.validators().get(9).withActivationEpoch(Validator.FAR_FUTURE_EPOCH)));
    assertThat(cache.get(pending, ValidatorIndex.of(9)).toBytes())
        .isEqualTo(InteropKeys.secretKey(9).publicKey().toBytes());
    assertThat(cache.size()).isZero();
  }

  @Test
  void rejectsIndexOutsideTheRegistry() {
    assertThatThrownBy(() -> cache.get(TestStates.genesis64(), ValidatorIndex.of(64)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("registry of 64");
  }
}
