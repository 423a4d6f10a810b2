package io.basalt.beacon.chain.store;

import io.basalt.storage.Column;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreSnapshot;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.StorageException;
import io.basalt.storage.Variable;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;

/**
 * A store whose commits fail on demand (a full disk); the transaction's writes are discarded.
 * Shared with the shard tests through beacon's test-jar.
 */
public final class FailingCommitKvStore implements KvStore {

  private final KvStore delegate;
  private volatile boolean failCommits;

  public FailingCommitKvStore(KvStore delegate) {
    this.delegate = delegate;
  }

  /** Whether commits fail from now on. */
  public void failCommits(boolean fail) {
    this.failCommits = fail;
  }

  @Override
  public Schema schema() {
    return delegate.schema();
  }

  @Override
  public KvStoreTransaction startTransaction() {
    KvStoreTransaction tx = delegate.startTransaction();
    return new KvStoreTransaction() {
      @Override
      public <K, V> KvStoreTransaction put(Column<K, V> column, K key, V value) {
        tx.put(column, key, value);
        return this;
      }

      @Override
      public <K, V> KvStoreTransaction delete(Column<K, V> column, K key) {
        tx.delete(column, key);
        return this;
      }

      @Override
      public <V> KvStoreTransaction put(Variable<V> variable, V value) {
        tx.put(variable, value);
        return this;
      }

      @Override
      public <V> KvStoreTransaction delete(Variable<V> variable) {
        tx.delete(variable);
        return this;
      }

      @Override
      public void commit() {
        if (failCommits) {
          throw new StorageException("commit failed (test)");
        }
        tx.commit();
      }

      @Override
      public void close() {
        tx.close();
      }
    };
  }

  @Override
  public KvStoreSnapshot snapshot() {
    return delegate.snapshot();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public <K, V> Optional<V> get(Column<K, V> column, K key) {
    return delegate.get(column, key);
  }

  @Override
  public <V> Optional<V> get(Variable<V> variable) {
    return delegate.get(variable);
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> stream(Column<K, V> column) {
    return delegate.stream(column);
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> streamByPrefix(Column<K, V> column, Bytes prefix) {
    return delegate.streamByPrefix(column, prefix);
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> streamRange(
      Column<K, V> column, K fromInclusive, K toExclusive) {
    return delegate.streamRange(column, fromInclusive, toExclusive);
  }
}
