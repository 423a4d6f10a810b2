package io.basalt.storage;

/**
 * A store, snapshot, transaction or stream was used after it was closed. Thrown instead of touching
 * released native memory.
 */
public class StoreClosedException extends IllegalStateException {

  public StoreClosedException(String message) {
    super(message);
  }
}
