package io.basalt.beacon.chain.imports;

import java.util.Objects;

/**
 * The outcome of one pipeline stage: the next typestate, or the reason the block was refused.
 *
 * @param <T> the typestate the stage produces
 */
public sealed interface ImportResult<T> {

  /** The stage passed; {@code value} is the block in its next state. */
  record Accepted<T>(T value) implements ImportResult<T> {
    public Accepted {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The stage refused the block. */
  record Rejected<T>(ImportRejection rejection) implements ImportResult<T> {
    public Rejected {
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  static <T> ImportResult<T> accepted(T value) {
    return new Accepted<>(value);
  }

  static <T> ImportResult<T> rejected(ImportRejection.Reason reason, String detail) {
    return new Rejected<>(new ImportRejection(reason, detail));
  }

  /** Whether the stage passed. */
  default boolean isAccepted() {
    return this instanceof Accepted<T>;
  }

  /**
   * The next typestate.
   *
   * @throws IllegalStateException if the block was rejected
   */
  default T value() {
    if (this instanceof Accepted<T> accepted) {
      return accepted.value();
    }
    throw new IllegalStateException("Block was rejected: " + rejection());
  }

  /**
   * The rejection.
   *
   * @throws IllegalStateException if the block was accepted
   */
  default ImportRejection rejection() {
    if (this instanceof Rejected<T> rejected) {
      return rejected.rejection();
    }
    throw new IllegalStateException("Block was accepted");
  }
}
