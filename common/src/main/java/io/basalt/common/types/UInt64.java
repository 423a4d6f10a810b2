package io.basalt.common.types;

import java.math.BigInteger;

/**
 * An unsigned 64-bit integer with overflow-checked arithmetic.
 *
 * <p>The value is held in a {@code long} read as unsigned, so the whole range {@code 0 .. 2^64-1}
 * is available. Every operation that would leave that range throws {@link ArithmeticException};
 * nothing wraps silently.
 */
public final class UInt64 implements Comparable<UInt64> {

  public static final UInt64 ZERO = new UInt64(0);
  public static final UInt64 ONE = new UInt64(1);
  public static final UInt64 MAX_VALUE = new UInt64(-1L);

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  private final long value;

  private UInt64(long value) {
    this.value = value;
  }

  /** The value {@code v}, which must not be negative. */
  public static UInt64 valueOf(long v) {
    if (v < 0) {
      throw new ArithmeticException("UInt64 cannot be negative: " + v);
    }
    return fromBits(v);
  }

  /** The value whose 64 bits are those of {@code bits}, read as unsigned. */
  public static UInt64 fromBits(long bits) {
    if (bits == 0) {
      return ZERO;
    }
    if (bits == 1) {
      return ONE;
    }
    return new UInt64(bits);
  }

  public static UInt64 valueOf(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 64) {
      throw new ArithmeticException("Out of UInt64 range: " + v);
    }
    return fromBits(v.longValue());
  }

  /** Parses an unsigned decimal string. */
  public static UInt64 parse(String decimal) {
    try {
      return fromBits(Long.parseUnsignedLong(decimal));
    } catch (NumberFormatException e) {
      throw new NumberFormatException("Not a UInt64: '" + decimal + "'");
    }
  }

  /** The raw 64 bits; read them as unsigned. */
  public long bits() {
    return value;
  }

  /** The value as a non-negative {@code long}; throws when it does not fit in 63 bits. */
  public long longValue() {
    if (value < 0) {
      throw new ArithmeticException("UInt64 too large for a long: " + this);
    }
    return value;
  }

  /** The value as an {@code int}; throws when it does not fit in 31 bits. */
  public int intValue() {
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new ArithmeticException("UInt64 too large for an int: " + this);
    }
    return (int) value;
  }

  public BigInteger toBigInteger() {
    BigInteger b = BigInteger.valueOf(value);
    return value < 0 ? b.add(TWO_POW_64) : b;
  }

  public UInt64 plus(UInt64 other) {
    return plus(other.value);
  }

  /** Adds {@code other} read as unsigned bits. */
  public UInt64 plus(long other) {
    long sum = value + other;
    if (Long.compareUnsigned(sum, value) < 0) {
      throw new ArithmeticException(
          "UInt64 overflow: " + this + " + " + Long.toUnsignedString(other));
    }
    return fromBits(sum);
  }

  public UInt64 minus(UInt64 other) {
    return minus(other.value);
  }

  public UInt64 minus(long other) {
    if (Long.compareUnsigned(value, other) < 0) {
      throw new ArithmeticException(
          "UInt64 underflow: " + this + " - " + Long.toUnsignedString(other));
    }
    return fromBits(value - other);
  }

  /** {@code this - other}, or zero when {@code other} is larger. */
  public UInt64 minusMinZero(UInt64 other) {
    return isLessThan(other) ? ZERO : fromBits(value - other.value);
  }

  public UInt64 times(UInt64 other) {
    return times(other.value);
  }

  public UInt64 times(long other) {
    long high = Math.unsignedMultiplyHigh(value, other);
    if (high != 0) {
      throw new ArithmeticException(
          "UInt64 overflow: " + this + " * " + Long.toUnsignedString(other));
    }
    return fromBits(value * other);
  }

  public UInt64 dividedBy(UInt64 divisor) {
    return dividedBy(divisor.value);
  }

  public UInt64 dividedBy(long divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("UInt64 division by zero");
    }
    return fromBits(Long.divideUnsigned(value, divisor));
  }

  public UInt64 mod(UInt64 divisor) {
    return mod(divisor.value);
  }

  public UInt64 mod(long divisor) {
    if (divisor == 0) {
      throw new ArithmeticException("UInt64 modulo by zero");
    }
    return fromBits(Long.remainderUnsigned(value, divisor));
  }

  public UInt64 increment() {
    return plus(1);
  }

  public UInt64 decrement() {
    return minus(1);
  }

  public UInt64 min(UInt64 other) {
    return isLessThan(other) ? this : other;
  }

  public UInt64 max(UInt64 other) {
    return isGreaterThan(other) ? this : other;
  }

  public boolean isZero() {
    return value == 0;
  }

  public boolean isLessThan(UInt64 other) {
    return compareTo(other) < 0;
  }

  public boolean isLessThanOrEqualTo(UInt64 other) {
    return compareTo(other) <= 0;
  }

  public boolean isGreaterThan(UInt64 other) {
    return compareTo(other) > 0;
  }

  public boolean isGreaterThanOrEqualTo(UInt64 other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(UInt64 other) {
    return Long.compareUnsigned(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UInt64 other && other.value == value;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(value);
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
