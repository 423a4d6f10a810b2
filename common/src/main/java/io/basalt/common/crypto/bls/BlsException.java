package io.basalt.common.crypto.bls;

/** A BLS operation could not produce a value (bad key, bad encoding, empty aggregate, ...). */
public class BlsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BlsException(String message) {
    super(message);
  }

  public BlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
