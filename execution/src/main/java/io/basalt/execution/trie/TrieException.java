package io.basalt.execution.trie;

/**
 * A trie could not be read: a node referenced by a root or a parent is not in the node store, or
 * stored bytes do not decode as a trie node. Either means the store is incomplete or corrupt.
 */
public class TrieException extends RuntimeException {

  public TrieException(String message) {
    super(message);
  }

  public TrieException(String message, Throwable cause) {
    super(message, cause);
  }
}
