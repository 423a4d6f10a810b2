package io.basalt.storage.rocksdb;

import io.basalt.storage.Column;
import io.basalt.storage.Schema;
import io.basalt.storage.StorageException;
import io.basalt.storage.support.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Opens the database with one column family per schema column plus {@code variables}. Column
 * families found on disk but unknown to the schema are opened too (RocksDB requires it) and left
 * alone. Every native object created here is recorded in {@code resources}, in creation order, so
 * the caller can close them in reverse.
 */
final class RocksDbOpener {

  private RocksDbOpener() {}

  static RocksDbHandles open(
      Path directory, RocksDbConfig config, Schema schema, List<AutoCloseable> resources) {
    NativeLibrary.ensureLoaded();
    String location = directory.toAbsolutePath().toString();
    try {
      boolean exists = Files.exists(directory.resolve("CURRENT"));
      if (!exists && !config.createIfMissing()) {
        throw new StorageException("No RocksDB database at " + location);
      }
      Files.createDirectories(directory);

      LRUCache cache = add(resources, new LRUCache(config.blockCacheBytes()));
      BloomFilter filter = add(resources, new BloomFilter(10));
      ColumnFamilyOptions familyOptions =
          add(
              resources,
              new ColumnFamilyOptions()
                  .setTableFormatConfig(
                      new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter)));
      DBOptions dbOptions =
          add(
              resources,
              new DBOptions()
                  .setCreateIfMissing(config.createIfMissing())
                  .setCreateMissingColumnFamilies(true)
                  .setIncreaseParallelism(config.backgroundThreads())
                  .setMaxBackgroundJobs(config.backgroundThreads()));

      Map<String, Integer> tableByName = new LinkedHashMap<>();
      tableByName.put(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8), null);
      tableByName.put(RocksDbHandles.familyName(Tables.VARIABLES), Tables.VARIABLES);
      for (Column<?, ?> column : schema.columns()) {
        tableByName.put(RocksDbHandles.familyName(column.id()), column.id());
      }
      List<String> names = new ArrayList<>(tableByName.keySet());
      for (String existing : existingFamilies(directory, exists)) {
        if (!tableByName.containsKey(existing)) {
          names.add(existing);
        }
      }
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (String name : names) {
        descriptors.add(
            new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOptions, location, descriptors, handles);
      resources.add(db::closeE);
      // Handles must be closed before the database, so they go after it in creation order.
      resources.addAll(handles);
      Map<Integer, ColumnFamilyHandle> tables = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        Integer table = tableByName.get(names.get(i));
        if (table != null) {
          tables.put(table, handles.get(i));
        }
      }
      return new RocksDbHandles(db, Collections.unmodifiableMap(tables), location);
    } catch (RocksDBException e) {
      throw new StorageException("Cannot open RocksDB at " + location + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new StorageException("Cannot create directory " + location + ": " + e, e);
    }
  }

  private static List<String> existingFamilies(Path directory, boolean exists)
      throws RocksDBException {
    if (!exists) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    try (Options options = new Options()) {
      for (byte[] name : RocksDB.listColumnFamilies(options, directory.toString())) {
        names.add(new String(name, StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> resources, T resource) {
    resources.add(resource);
    return resource;
  }
}
