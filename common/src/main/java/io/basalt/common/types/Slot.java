package io.basalt.common.types;

/** A slot number: {@code (now - genesis_time) / SECONDS_PER_SLOT}. */
public record Slot(UInt64 value) implements Comparable<Slot> {

  public static final Slot ZERO = new Slot(UInt64.ZERO);

  public Slot {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static Slot of(long value) {
    return new Slot(UInt64.valueOf(value));
  }

  public Slot plus(long slots) {
    return new Slot(value.plus(slots));
  }

  public Slot minus(long slots) {
    return new Slot(value.minus(slots));
  }

  public Slot increment() {
    return new Slot(value.increment());
  }

  public boolean isBefore(Slot other) {
    return value.isLessThan(other.value);
  }

  public boolean isAfter(Slot other) {
    return value.isGreaterThan(other.value);
  }

  @Override
  public int compareTo(Slot other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
