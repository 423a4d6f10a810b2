package io.basalt.storage;

/** A storage failure: the database reported an error or holds data that cannot be read. */
public class StorageException extends RuntimeException {

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
