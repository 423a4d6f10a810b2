package io.basalt.testnet;

/**
 * A testnet that cannot start or be controlled, with a one-line message saying what to change (the
 * launcher prints it as is).
 */
public final class TestnetException extends Exception {

  public TestnetException(String message) {
    super(message);
  }

  public TestnetException(String message, Throwable cause) {
    super(message, cause);
  }
}
