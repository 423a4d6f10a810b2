package io.basalt.storage.rocksdb;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreSnapshot;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.StorageException;
import io.basalt.storage.support.SchemaVersionGuard;
import io.basalt.storage.support.StoreLifecycle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * A {@link KvStore} on RocksDB.
 *
 * <p><b>Layout.</b> Each schema column is its own column family named {@code column-NNN} after its
 * id; all variables share the family {@code variables}, keyed by their one-byte id. Column families
 * keep iteration per column free of a key prefix, allow per-column tuning later, and let a retired
 * column be dropped in one call. The default family stays empty.
 *
 * <p><b>Transactions</b> are one {@code WriteBatch} written by a single {@code db.write}: atomic,
 * invisible until commit. The write-ahead log is always on; {@link RocksDbConfig#syncWrites()}
 * decides whether each commit also fsyncs it.
 *
 * <p><b>Lifecycle.</b> Thread-safe. {@link #close()} waits for running calls, closes open streams,
 * snapshots and transactions, flushes memtables and releases every native object; any later use
 * throws {@link io.basalt.storage.StoreClosedException} instead of touching freed memory. Only one
 * process may open a directory at a time (RocksDB's lock file).
 */
public final class RocksDbKvStore extends RocksDbReader implements KvStore {

  private final List<AutoCloseable> resources;
  private final ReadOptions readOptions;
  private final WriteOptions writeOptions;

  private RocksDbKvStore(
      Schema schema,
      RocksDbHandles handles,
      List<AutoCloseable> resources,
      ReadOptions readOptions,
      WriteOptions writeOptions) {
    super(schema, new StoreLifecycle("RocksDB store at " + handles.location()), handles);
    this.resources = resources;
    this.readOptions = readOptions;
    this.writeOptions = writeOptions;
  }

  /**
   * Opens (or creates, per {@code config}) the database in {@code directory}, creating missing
   * column families, then checks and records the schema version.
   *
   * @throws io.basalt.storage.IncompatibleSchemaException if the data has another schema version
   * @throws StorageException if RocksDB cannot open the directory (missing, locked, corrupt)
   */
  public static RocksDbKvStore open(Path directory, RocksDbConfig config, Schema schema) {
    List<AutoCloseable> resources = new ArrayList<>();
    RocksDbKvStore store;
    try {
      RocksDbHandles handles = RocksDbOpener.open(directory, config, schema, resources);
      ReadOptions readOptions = new ReadOptions();
      resources.add(readOptions);
      WriteOptions writeOptions = new WriteOptions().setSync(config.syncWrites());
      resources.add(writeOptions);
      store = new RocksDbKvStore(schema, handles, resources, readOptions, writeOptions);
    } catch (RuntimeException e) {
      closeAll(resources, e);
      throw e;
    }
    try {
      SchemaVersionGuard.checkAndRecord(store, store.handles.location());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  ReadOptions readOptions() {
    return readOptions;
  }

  @Override
  protected String readerDescription() {
    return "RocksDB store at " + handles.location();
  }

  @Override
  public KvStoreTransaction startTransaction() {
    return lifecycle.read(() -> new RocksDbTransaction(schema, lifecycle, handles, writeOptions));
  }

  @Override
  public KvStoreSnapshot snapshot() {
    return lifecycle.read(() -> new RocksDbSnapshot(schema, lifecycle, handles));
  }

  @Override
  public void close() {
    lifecycle.close(
        () -> {
          StorageException failure = null;
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            handles.db().flush(flush, new ArrayList<>(handles.tables().values()));
          } catch (RocksDBException e) {
            failure = handles.failure("flush on close", e);
          }
          closeAll(resources, failure);
          if (failure != null) {
            throw failure;
          }
        });
  }

  /** Closes in reverse creation order: handles, database, options, cache. */
  private static void closeAll(List<AutoCloseable> resources, RuntimeException primary) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (primary != null) {
          primary.addSuppressed(e);
        }
      }
    }
    resources.clear();
  }
}
