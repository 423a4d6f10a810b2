package io.basalt.storage.codec;

import io.basalt.storage.StorageException;

/** Stored bytes that a codec cannot decode: the data is corrupt or was written by other code. */
public class CodecException extends StorageException {

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
