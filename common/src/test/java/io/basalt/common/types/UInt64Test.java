package io.basalt.common.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UInt64Test {

  private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  @Test
  void shouldHoldTheFullUnsignedRange() {
    assertThat(UInt64.MAX_VALUE.toString()).isEqualTo("18446744073709551615");
    assertThat(UInt64.parse("18446744073709551615")).isEqualTo(UInt64.MAX_VALUE);
    assertThat(UInt64.MAX_VALUE.isGreaterThan(UInt64.valueOf(Long.MAX_VALUE))).isTrue();
  }

  @Test
  void shouldRejectOverflowAndUnderflow() {
    assertThatThrownBy(() -> UInt64.MAX_VALUE.plus(UInt64.ONE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.ZERO.minus(UInt64.ONE)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.fromBits(1L << 32).times(1L << 32))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.ONE.dividedBy(0)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.valueOf(-1)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.MAX_VALUE.longValue()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> UInt64.parse("-3")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void shouldClampSubtractionAtZero() {
    assertThat(UInt64.valueOf(3).minusMinZero(UInt64.valueOf(5))).isEqualTo(UInt64.ZERO);
    assertThat(UInt64.valueOf(5).minusMinZero(UInt64.valueOf(3))).isEqualTo(UInt64.valueOf(2));
  }

  @Property
  void arithmeticShouldAgreeWithBigIntegerOrThrow(@ForAll long a, @ForAll long b) {
    UInt64 x = UInt64.fromBits(a);
    UInt64 y = UInt64.fromBits(b);
    BigInteger bx = x.toBigInteger();
    BigInteger by = y.toBigInteger();
    check(() -> x.plus(y), bx.add(by));
    check(() -> x.minus(y), bx.subtract(by));
    check(() -> x.times(y), bx.multiply(by));
    if (b != 0) {
      check(() -> x.dividedBy(y), bx.divide(by));
      check(() -> x.mod(y), bx.mod(by));
    }
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(bx.compareTo(by));
  }

  private static void check(java.util.function.Supplier<UInt64> op, BigInteger expected) {
    if (expected.signum() < 0 || expected.compareTo(MAX) > 0) {
      assertThatThrownBy(op::get).isInstanceOf(ArithmeticException.class);
    } else {
      assertThat(op.get().toBigInteger()).isEqualTo(expected);
    }
  }
}
