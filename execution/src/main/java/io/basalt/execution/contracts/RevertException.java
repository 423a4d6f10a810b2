package io.basalt.execution.contracts;

/** Thrown inside a system-contract function to revert the call with {@code reason}. */
final class RevertException extends Exception {

  RevertException(String reason) {
    super(reason, null, false, false);
  }
}
