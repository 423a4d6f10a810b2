package io.basalt.execution.trie;

/**
 * A Merkle proof does not prove anything about the claimed root: a node it needs is missing or was
 * altered (its hash no longer matches the reference), or a node does not decode.
 */
public final class InvalidProofException extends Exception {

  public InvalidProofException(String message) {
    super(message);
  }

  public InvalidProofException(String message, Throwable cause) {
    super(message, cause);
  }
}
