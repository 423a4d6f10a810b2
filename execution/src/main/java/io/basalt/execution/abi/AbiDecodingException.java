package io.basalt.execution.abi;

/**
 * Calldata or return data that does not decode as the declared types. The message names the
 * argument (1-based) and its type, e.g. {@code argument 2 (address): upper 12 bytes are not zero},
 * so a reverted call tells the caller exactly what was wrong.
 */
public final class AbiDecodingException extends Exception {

  public AbiDecodingException(String message) {
    super(message);
  }
}
