package io.basalt.settlement.json;

/** A settlement proof's JSON is malformed: a field is missing, mistyped or out of range. */
public final class ProofFormatException extends Exception {

  public ProofFormatException(String message) {
    super(message);
  }

  public ProofFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
