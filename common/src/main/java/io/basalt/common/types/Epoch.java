package io.basalt.common.types;

/** An epoch number; an epoch holds {@code SLOTS_PER_EPOCH} slots. */
public record Epoch(UInt64 value) implements Comparable<Epoch> {

  public static final Epoch ZERO = new Epoch(UInt64.ZERO);

  public Epoch {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static Epoch of(long value) {
    return new Epoch(UInt64.valueOf(value));
  }

  public Epoch plus(long epochs) {
    return new Epoch(value.plus(epochs));
  }

  public Epoch minus(long epochs) {
    return new Epoch(value.minus(epochs));
  }

  public Epoch increment() {
    return new Epoch(value.increment());
  }

  public boolean isBefore(Epoch other) {
    return value.isLessThan(other.value);
  }

  public boolean isAfter(Epoch other) {
    return value.isGreaterThan(other.value);
  }

  @Override
  public int compareTo(Epoch other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
