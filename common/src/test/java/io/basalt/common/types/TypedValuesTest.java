package io.basalt.common.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedValuesTest {

  @Test
  void shouldCompareAndStepSlotsAndEpochs() {
    assertThat(Slot.of(7).increment()).isEqualTo(Slot.of(8));
    assertThat(Slot.of(3).isBefore(Slot.of(4))).isTrue();
    assertThat(Epoch.of(2).plus(3)).isEqualTo(Epoch.of(5));
    assertThat(Epoch.of(9).isAfter(Epoch.of(1))).isTrue();
    assertThatThrownBy(() -> Slot.ZERO.minus(1)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldDecreaseBalanceToZeroButNotBelow() {
    assertThat(Gwei.of(5).minusMinZero(Gwei.of(9))).isEqualTo(Gwei.ZERO);
    assertThatThrownBy(() -> Gwei.of(5).minus(Gwei.of(9))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void shouldRejectNegativeShardAndHugeIndex() {
    assertThatThrownBy(() -> ShardId.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ValidatorIndex(UInt64.MAX_VALUE).intValue())
        .isInstanceOf(ArithmeticException.class);
  }
}
