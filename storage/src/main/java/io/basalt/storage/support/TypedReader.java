package io.basalt.storage.support;

import static io.basalt.storage.support.Args.notNull;

import io.basalt.storage.Column;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStoreReader;
import io.basalt.storage.Schema;
import io.basalt.storage.StoreClosedException;
import io.basalt.storage.Variable;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.tuweni.bytes.Bytes;

/**
 * The typed {@link KvStoreReader} on top of raw byte reads: checks that columns are declared,
 * encodes keys, decodes values, and turns raw cursors into guarded, closeable streams. A reader can
 * be closed on its own (snapshots) which also ends its open streams.
 */
public abstract class TypedReader implements KvStoreReader {

  protected final Schema schema;
  protected final StoreLifecycle lifecycle;
  private final Set<GuardedCursor> cursors = ConcurrentHashMap.newKeySet();
  private volatile boolean readerClosed;

  protected TypedReader(Schema schema, StoreLifecycle lifecycle) {
    this.schema = schema;
    this.lifecycle = lifecycle;
  }

  /** The stored value or {@code null}; runs under the store's read lock. */
  protected abstract byte[] rawGet(int table, byte[] key);

  /** A cursor over one table; runs under the store's read lock. */
  protected abstract RawCursor rawCursor(int table, KeyBounds bounds);

  /** Names this reader in errors, e.g. "Snapshot of ...". */
  protected abstract String readerDescription();

  @Override
  public <K, V> Optional<V> get(Column<K, V> column, K key) {
    schema.requireDeclared(notNull(column, "column"));
    byte[] rawKey = column.keyCodec().encode(notNull(key, "key"));
    byte[] raw = guarded(() -> rawGet(column.id(), rawKey));
    return Optional.ofNullable(raw).map(column.valueCodec()::decode);
  }

  @Override
  public <V> Optional<V> get(Variable<V> variable) {
    schema.requireDeclared(notNull(variable, "variable"));
    byte[] raw = guarded(() -> rawGet(Tables.VARIABLES, Tables.variableKey(variable.id())));
    return Optional.ofNullable(raw).map(variable.codec()::decode);
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> stream(Column<K, V> column) {
    return open(column, KeyBounds.all());
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> streamByPrefix(Column<K, V> column, Bytes prefix) {
    return open(column, KeyBounds.prefix(notNull(prefix, "prefix").toArrayUnsafe()));
  }

  @Override
  public <K, V> Stream<ColumnEntry<K, V>> streamRange(
      Column<K, V> column, K fromInclusive, K toExclusive) {
    notNull(column, "column");
    byte[] from = column.keyCodec().encode(notNull(fromInclusive, "fromInclusive"));
    byte[] to = column.keyCodec().encode(notNull(toExclusive, "toExclusive"));
    return open(column, KeyBounds.range(from, to));
  }

  /** Marks this reader closed and ends its open streams. Call from the owner's close. */
  protected void closeReader() {
    readerClosed = true;
    for (GuardedCursor cursor : cursors) {
      cursor.close();
    }
  }

  protected boolean isReaderClosed() {
    return readerClosed;
  }

  private <T> T guarded(java.util.function.Supplier<T> action) {
    return lifecycle.read(
        () -> {
          ensureReaderOpen();
          return action.get();
        });
  }

  private void ensureReaderOpen() {
    if (readerClosed) {
      throw new StoreClosedException(readerDescription() + " is closed");
    }
  }

  private <K, V> Stream<ColumnEntry<K, V>> open(Column<K, V> column, KeyBounds bounds) {
    schema.requireDeclared(notNull(column, "column"));
    GuardedCursor cursor =
        guarded(
            () -> {
              GuardedCursor c =
                  new GuardedCursor(
                      bounds.isEmpty() ? EmptyCursor.INSTANCE : rawCursor(column.id(), bounds));
              cursors.add(c);
              lifecycle.register(c);
              return c;
            });
    Spliterator<ColumnEntry<K, V>> spliterator =
        new Spliterators.AbstractSpliterator<>(
            Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
          @Override
          public boolean tryAdvance(Consumer<? super ColumnEntry<K, V>> action) {
            RawCursor.RawEntry entry = cursor.next();
            if (entry == null) {
              return false;
            }
            action.accept(
                new ColumnEntry<>(
                    column.keyCodec().decode(entry.key()),
                    column.valueCodec().decode(entry.value())));
            return true;
          }
        };
    return StreamSupport.stream(spliterator, false).onClose(cursor::close);
  }

  /** A cursor whose every step is checked against the store and this reader being open. */
  private final class GuardedCursor implements RawCursor, StoreLifecycle.Child {
    private final RawCursor raw;
    private volatile boolean closed;

    GuardedCursor(RawCursor raw) {
      this.raw = raw;
    }

    @Override
    public RawEntry next() {
      return lifecycle.read(
          () -> {
            if (closed) {
              throw new StoreClosedException("Stream is closed");
            }
            ensureReaderOpen();
            return raw.next();
          });
    }

    @Override
    public void close() {
      lifecycle.closeChild(
          this,
          () -> {
            if (!closed) {
              closed = true;
              raw.close();
            }
          });
      cursors.remove(this);
    }
  }

  private enum EmptyCursor implements RawCursor {
    INSTANCE;

    @Override
    public RawEntry next() {
      return null;
    }

    @Override
    public void close() {}
  }
}
