package io.basalt.storage;

/**
 * A typed key-value store laid out by a {@link Schema}. Reads are thread-safe; each transaction and
 * stream belongs to one thread; commits from different threads are serialized by the store.
 *
 * <p>{@link #close()} is idempotent. It first closes every stream, snapshot and transaction still
 * open on the store (discarding uncommitted writes), then flushes and releases the database.
 * Afterwards every method, and every object obtained from the store, throws {@link
 * StoreClosedException}.
 */
public interface KvStore extends KvStoreReader, AutoCloseable {

  /** The schema this store was opened with. */
  Schema schema();

  /** A new empty transaction; the caller must commit or close it. */
  KvStoreTransaction startTransaction();

  /** A consistent read-only view as of now; the caller must close it. */
  KvStoreSnapshot snapshot();

  @Override
  void close();
}
