package io.basalt.storage.rocksdb;

import io.basalt.storage.Schema;
import io.basalt.storage.support.KeyBounds;
import io.basalt.storage.support.RawCursor;
import io.basalt.storage.support.StoreLifecycle;
import io.basalt.storage.support.TypedReader;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;

/** Raw reads through given {@link ReadOptions} (plain, or pinned to a snapshot). */
abstract class RocksDbReader extends TypedReader {

  protected final RocksDbHandles handles;

  RocksDbReader(Schema schema, StoreLifecycle lifecycle, RocksDbHandles handles) {
    super(schema, lifecycle);
    this.handles = handles;
  }

  abstract ReadOptions readOptions();

  @Override
  protected byte[] rawGet(int table, byte[] key) {
    try {
      return handles.db().get(handles.family(table), readOptions(), key);
    } catch (RocksDBException e) {
      throw handles.failure("read", e);
    }
  }

  @Override
  protected RawCursor rawCursor(int table, KeyBounds bounds) {
    return new RocksDbCursor(
        handles.db().newIterator(handles.family(table), readOptions()), bounds, handles);
  }
}
