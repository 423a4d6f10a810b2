package io.basalt.storage.rocksdb;

import io.basalt.storage.StorageException;
import io.basalt.storage.support.Tables;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** The open database and the column family of each table. Owned by {@link RocksDbKvStore}. */
record RocksDbHandles(RocksDB db, Map<Integer, ColumnFamilyHandle> tables, String location) {

  /** Column family name of a table: {@code variables}, or {@code column-007} for column id 7. */
  static String familyName(int table) {
    return table == Tables.VARIABLES ? "variables" : String.format("column-%03d", table);
  }

  ColumnFamilyHandle family(int table) {
    ColumnFamilyHandle handle = tables.get(table);
    if (handle == null) {
      throw new IllegalArgumentException("No column family for table " + familyName(table));
    }
    return handle;
  }

  StorageException failure(String action, RocksDBException e) {
    return new StorageException(
        "RocksDB failed to " + action + " at " + location + ": " + e.getMessage(), e);
  }
}
