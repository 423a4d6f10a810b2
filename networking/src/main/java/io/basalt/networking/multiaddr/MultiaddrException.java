package io.basalt.networking.multiaddr;

/** Text or bytes that are not a valid multiaddr (of the protocols Basalt knows). */
public final class MultiaddrException extends IllegalArgumentException {

  public MultiaddrException(String message) {
    super(message);
  }

  public MultiaddrException(String message, Throwable cause) {
    super(message, cause);
  }
}
