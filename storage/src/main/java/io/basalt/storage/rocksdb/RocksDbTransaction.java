package io.basalt.storage.rocksdb;

import io.basalt.storage.Schema;
import io.basalt.storage.support.StoreLifecycle;
import io.basalt.storage.support.TypedTransaction;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** Collects writes in one {@link WriteBatch}, applied by a single atomic {@code db.write}. */
final class RocksDbTransaction extends TypedTransaction {

  private final RocksDbHandles handles;
  private final WriteOptions writeOptions;
  private final WriteBatch batch = new WriteBatch();

  RocksDbTransaction(
      Schema schema, StoreLifecycle lifecycle, RocksDbHandles handles, WriteOptions writeOptions) {
    super(schema, lifecycle);
    this.handles = handles;
    this.writeOptions = writeOptions;
  }

  @Override
  protected void rawPut(int table, byte[] key, byte[] value) {
    try {
      batch.put(handles.family(table), key, value);
    } catch (RocksDBException e) {
      throw handles.failure("stage a put", e);
    }
  }

  @Override
  protected void rawDelete(int table, byte[] key) {
    try {
      batch.delete(handles.family(table), key);
    } catch (RocksDBException e) {
      throw handles.failure("stage a delete", e);
    }
  }

  @Override
  protected void rawCommit() {
    try {
      handles.db().write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw handles.failure("commit", e);
    }
  }

  @Override
  protected void rawRelease() {
    batch.close();
  }
}
