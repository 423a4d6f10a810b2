package io.basalt.networking.host.identify;

/** A malformed or inconsistent identify message. */
public final class IdentifyException extends RuntimeException {
  public IdentifyException(String message) {
    super(message);
  }

  public IdentifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
