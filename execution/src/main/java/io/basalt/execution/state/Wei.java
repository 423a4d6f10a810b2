package io.basalt.execution.state;

import java.math.BigInteger;

/**
 * An amount of ether in wei (10^-18 ether): an unsigned 256-bit integer, as Ethereum balances are.
 */
public record Wei(BigInteger value) implements Comparable<Wei> {

  public static final Wei ZERO = new Wei(BigInteger.ZERO);

  /** 2^256 - 1. */
  public static final Wei MAX_VALUE =
      new Wei(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));

  /**
   * @throws IllegalArgumentException if {@code value} is negative or needs more than 256 bits
   */
  public Wei {
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("Wei is an unsigned 256-bit amount, got " + value);
    }
  }

  public static Wei of(long wei) {
    return new Wei(BigInteger.valueOf(wei));
  }

  /** {@code ether} whole ether (10^18 wei each). */
  public static Wei ofEther(long ether) {
    return new Wei(BigInteger.valueOf(ether).multiply(BigInteger.TEN.pow(18)));
  }

  /**
   * @throws ArithmeticException if the sum needs more than 256 bits
   */
  public Wei plus(Wei other) {
    BigInteger sum = value.add(other.value);
    if (sum.bitLength() > 256) {
      throw new ArithmeticException("Wei overflow: " + value + " + " + other.value);
    }
    return new Wei(sum);
  }

  /**
   * @throws ArithmeticException if {@code other} is larger than this amount
   */
  public Wei minus(Wei other) {
    if (value.compareTo(other.value) < 0) {
      throw new ArithmeticException("Wei underflow: " + value + " - " + other.value);
    }
    return new Wei(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value + " wei";
  }
}
