package io.basalt.common.crypto.bls;

/**
 * Bytes that do not encode a valid key or signature: wrong length, not compressed, not on the
 * curve, outside the prime-order subgroup, or the point at infinity where it is not allowed.
 */
public class InvalidBlsEncodingException extends BlsException {

  private static final long serialVersionUID = 1L;

  public InvalidBlsEncodingException(String message) {
    super(message);
  }

  public InvalidBlsEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
