package io.basalt.node.validator.duties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnedValidatorsTest {

  private static ValidatorKey key(long index) {
    BlsSecretKey secret = InteropKeys.secretKey(index);
    return new ValidatorKey(secret, secret.publicKey());
  }

  @Test
  void shouldFindRegisteredKeysAndLeaveUnknownOnesUnresolved() {
    OwnedValidators owned = new OwnedValidators(List.of(key(3), key(40), key(500)));

    owned.resolve(TestStates.genesis64(), Epoch.ZERO);

    assertThat(owned.keyCount()).isEqualTo(3);
    assertThat(owned.resolvedCount()).isEqualTo(2);
    assertThat(owned.key(ValidatorIndex.of(3))).contains(key(3));
    assertThat(owned.key(ValidatorIndex.of(40))).contains(key(40));
    assertThat(owned.key(ValidatorIndex.of(4))).isEmpty();
    assertThat(owned.indices())
        .containsExactlyInAnyOrder(ValidatorIndex.of(3), ValidatorIndex.of(40));
  }

  @Test
  void shouldRejectTheSameKeyTwice() {
    assertThatThrownBy(() -> new OwnedValidators(List.of(key(1), key(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }
}
