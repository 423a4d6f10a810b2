package io.basalt.common.types;

/** The index of a validator in the beacon state's registry. */
public record ValidatorIndex(UInt64 value) implements Comparable<ValidatorIndex> {

  public static final ValidatorIndex ZERO = new ValidatorIndex(UInt64.ZERO);

  public ValidatorIndex {
    java.util.Objects.requireNonNull(value, "value");
  }

  public static ValidatorIndex of(long value) {
    return new ValidatorIndex(UInt64.valueOf(value));
  }

  /** The index as an {@code int}, for addressing in-memory lists. */
  public int intValue() {
    return value.intValue();
  }

  @Override
  public int compareTo(ValidatorIndex other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
