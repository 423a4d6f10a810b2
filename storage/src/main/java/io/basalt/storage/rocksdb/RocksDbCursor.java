package io.basalt.storage.rocksdb;

import io.basalt.storage.support.KeyBounds;
import io.basalt.storage.support.RawCursor;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/** A forward scan of one column family within key bounds. Guarded by its owner. */
final class RocksDbCursor implements RawCursor {

  private final RocksIterator iterator;
  private final KeyBounds bounds;
  private final RocksDbHandles handles;
  private boolean started;
  private boolean done;

  RocksDbCursor(RocksIterator iterator, KeyBounds bounds, RocksDbHandles handles) {
    this.iterator = iterator;
    this.bounds = bounds;
    this.handles = handles;
  }

  @Override
  public RawEntry next() {
    if (done) {
      return null;
    }
    if (started) {
      iterator.next();
    } else {
      started = true;
      iterator.seek(bounds.seek());
    }
    if (!iterator.isValid()) {
      done = true;
      try {
        iterator.status();
      } catch (RocksDBException e) {
        throw handles.failure("iterate", e);
      }
      return null;
    }
    byte[] key = iterator.key();
    if (!bounds.contains(key)) {
      done = true;
      return null;
    }
    return new RawEntry(key, iterator.value());
  }

  @Override
  public void close() {
    done = true;
    iterator.close();
  }
}
