package io.basalt.node.validator.slashing;

/** What slashing protection says about a message a validator is about to sign. */
public sealed interface SigningDecision {
  /** Safe to sign; the message is already recorded durably. */
  record Safe() implements SigningDecision {}

  /** Not safe: signing could be slashable (or could not be checked); {@code reason} says why. */
  record Refused(String reason) implements SigningDecision {}

  static SigningDecision safe() {
    return new Safe();
  }

  default boolean isSafe() {
    return this instanceof Safe;
  }
}
