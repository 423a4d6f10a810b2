package io.basalt.networking.noise;

/**
 * A failed Noise handshake or transport message: a bad frame, a message that does not decrypt, an
 * invalid or unexpected peer identity. The channel must be closed after it.
 */
public final class NoiseException extends RuntimeException {

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
