package io.basalt.execution.contracts;

/** Thrown inside a system-contract function to revert the call with {@code reason}. */
public final class RevertException extends Exception {

  public RevertException(String reason) {
    super(reason, null, false, false);
  }
}
