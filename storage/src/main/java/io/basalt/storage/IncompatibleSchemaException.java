package io.basalt.storage;

/** The database on disk was written with a schema version this build cannot read. */
public class IncompatibleSchemaException extends StorageException {

  public IncompatibleSchemaException(String message) {
    super(message);
  }
}
