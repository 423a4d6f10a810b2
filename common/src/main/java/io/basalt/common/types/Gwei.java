package io.basalt.common.types;

/** An amount of stake in Gwei (10^-9 of a coin), the beacon chain's balance unit. */
public record Gwei(UInt64 value) implements Comparable<Gwei> {

  public static final Gwei ZERO = new Gwei(UInt64.ZERO);

  public Gwei {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static Gwei of(long value) {
    return new Gwei(UInt64.valueOf(value));
  }

  public Gwei plus(Gwei other) {
    return new Gwei(value.plus(other.value));
  }

  public Gwei minus(Gwei other) {
    return new Gwei(value.minus(other.value));
  }

  /** {@code this - other}, or zero when {@code other} is larger (the spec decrease_balance). */
  public Gwei minusMinZero(Gwei other) {
    return new Gwei(value.minusMinZero(other.value));
  }

  public Gwei times(long factor) {
    return new Gwei(value.times(factor));
  }

  public Gwei dividedBy(long divisor) {
    return new Gwei(value.dividedBy(divisor));
  }

  public boolean isLessThan(Gwei other) {
    return value.isLessThan(other.value);
  }

  public boolean isGreaterThan(Gwei other) {
    return value.isGreaterThan(other.value);
  }

  @Override
  public int compareTo(Gwei other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
