package io.basalt.storage;

import java.util.Optional;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;

/**
 * Reads from a store or from a snapshot of it.
 *
 * <p><b>Streams own resources.</b> Every returned {@link Stream} holds an open database iterator
 * until it is closed, so callers must close it, normally with try-with-resources:
 *
 * <pre>{@code
 * try (Stream<ColumnEntry<UInt64, Bytes32>> s = store.streamRange(ROOTS_BY_SLOT, from, to)) {
 *   s.forEach(...);
 * }
 * }</pre>
 *
 * Each stream sees one consistent view taken when it was created and returns entries in the
 * unsigned byte order of the encoded keys. A stream is for one thread. Using a stream after its
 * store or snapshot closed throws {@link StoreClosedException}.
 *
 * <p>Passing a column or variable that is not declared in the store's {@link Schema} throws {@link
 * IllegalArgumentException}.
 */
public interface KvStoreReader {

  <K, V> Optional<V> get(Column<K, V> column, K key);

  <V> Optional<V> get(Variable<V> variable);

  /** Every entry of {@code column}. The caller must close the stream. */
  <K, V> Stream<ColumnEntry<K, V>> stream(Column<K, V> column);

  /**
   * Entries whose encoded key starts with {@code prefix} (e.g. the shard number of a composite
   * key). An empty prefix means every entry. The caller must close the stream.
   */
  <K, V> Stream<ColumnEntry<K, V>> streamByPrefix(Column<K, V> column, Bytes prefix);

  /**
   * Entries with {@code fromInclusive <= key < toExclusive}, compared as encoded bytes. Empty when
   * {@code from >= to}. The caller must close the stream.
   */
  <K, V> Stream<ColumnEntry<K, V>> streamRange(Column<K, V> column, K fromInclusive, K toExclusive);
}
