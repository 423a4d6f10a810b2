package io.basalt.storage.rocksdb;

import io.basalt.storage.KvStoreSnapshot;
import io.basalt.storage.Schema;
import io.basalt.storage.support.StoreLifecycle;
import org.rocksdb.ReadOptions;
import org.rocksdb.Snapshot;

/** A RocksDB snapshot with read options pinned to it. Created under the store's guard. */
final class RocksDbSnapshot extends RocksDbReader implements KvStoreSnapshot, StoreLifecycle.Child {

  private final Snapshot snapshot;
  private final ReadOptions readOptions;

  RocksDbSnapshot(Schema schema, StoreLifecycle lifecycle, RocksDbHandles handles) {
    super(schema, lifecycle, handles);
    this.snapshot = handles.db().getSnapshot();
    this.readOptions = new ReadOptions().setSnapshot(snapshot);
    lifecycle.register(this);
  }

  @Override
  ReadOptions readOptions() {
    return readOptions;
  }

  @Override
  protected String readerDescription() {
    return "Snapshot of RocksDB store at " + handles.location();
  }

  @Override
  public void close() {
    lifecycle.closeChild(
        this,
        () -> {
          if (!isReaderClosed()) {
            closeReader();
            readOptions.close();
            handles.db().releaseSnapshot(snapshot);
          }
        });
  }
}
