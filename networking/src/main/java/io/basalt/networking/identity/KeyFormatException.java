package io.basalt.networking.identity;

/** Bytes that are not a valid libp2p key, signature encoding or peer id. */
public class KeyFormatException extends RuntimeException {

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
