package io.basalt.beacon.helpers;

/** Why an object failed a validity check; checks return {@code Optional<InvalidReason>}. */
public record InvalidReason(String description) {

  @Override
  public String toString() {
    return description;
  }
}
