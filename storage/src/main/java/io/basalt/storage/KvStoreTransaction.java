package io.basalt.storage;

/**
 * A batch of writes applied atomically by {@link #commit()}: readers see all of it or none of it,
 * and nothing before commit. Writes apply in call order, so a later put or delete of the same key
 * wins. The transaction does not read its own writes.
 *
 * <p>{@link #close()} without a commit discards every write; after commit it only releases
 * resources. Use try-with-resources. A transaction is for one thread. Once {@code commit()}
 * returns, the data survives the death of the process (see {@code docs/storage.md} for machine
 * crashes). Using a transaction after commit or close throws {@link IllegalStateException}.
 */
public interface KvStoreTransaction extends AutoCloseable {

  <K, V> KvStoreTransaction put(Column<K, V> column, K key, V value);

  <K, V> KvStoreTransaction delete(Column<K, V> column, K key);

  <V> KvStoreTransaction put(Variable<V> variable, V value);

  <V> KvStoreTransaction delete(Variable<V> variable);

  void commit();

  @Override
  void close();
}
