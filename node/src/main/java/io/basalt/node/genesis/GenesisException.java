package io.basalt.node.genesis;

/** Genesis files that are missing, malformed or inconsistent; the message is one sentence. */
public class GenesisException extends Exception {

  public GenesisException(String message) {
    super(message);
  }

  public GenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
