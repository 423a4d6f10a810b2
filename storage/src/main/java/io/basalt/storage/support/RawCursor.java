package io.basalt.storage.support;

/**
 * A forward iterator over raw entries, owning whatever the implementation opened for it. Not
 * thread-safe. {@link #close()} is idempotent.
 */
public interface RawCursor extends AutoCloseable {

  /** The next entry inside the bounds, or {@code null} at the end. */
  RawEntry next();

  @Override
  void close();

  /** A raw key and value; the arrays belong to the receiver. */
  record RawEntry(byte[] key, byte[] value) {}
}
