package io.basalt.execution.rlp;

/**
 * Input that is not canonical RLP, or an item of the wrong kind or size for what the caller asked.
 * Every decoding failure surfaces as this exception, never as an index or arithmetic error.
 */
public final class RlpException extends RuntimeException {

  public RlpException(String message) {
    super(message);
  }
}
