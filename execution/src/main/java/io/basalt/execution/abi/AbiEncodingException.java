package io.basalt.execution.abi;

/** A Java value that does not fit the ABI type it is encoded as (a programming error). */
public final class AbiEncodingException extends IllegalArgumentException {

  public AbiEncodingException(String message) {
    super(message);
  }
}
