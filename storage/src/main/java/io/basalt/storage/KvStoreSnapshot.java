package io.basalt.storage;

/**
 * A consistent read-only view of a store as of the moment it was taken: commits made afterwards are
 * invisible to it. Holds database resources until closed; {@link #close()} is idempotent and also
 * ends streams opened from this snapshot. Thread-safe for concurrent reads.
 */
public interface KvStoreSnapshot extends KvStoreReader, AutoCloseable {

  @Override
  void close();
}
