package io.basalt.storage.rocksdb;

/**
 * How to open a RocksDB store.
 *
 * @param createIfMissing create the database (and its directory) when absent; when false, opening a
 *     missing database fails
 * @param backgroundThreads threads for flushes and compactions (at least 1)
 * @param blockCacheBytes size of the block cache shared by all columns (at least 1 MiB)
 * @param syncWrites fsync the write-ahead log on every commit. Off, a returned commit survives the
 *     death of the process (it is in the OS page cache); on, it also survives a power cut or kernel
 *     crash, at the price of one fsync per commit
 */
public record RocksDbConfig(
    boolean createIfMissing, int backgroundThreads, long blockCacheBytes, boolean syncWrites) {

  private static final long MIB = 1024 * 1024;

  public RocksDbConfig {
    if (backgroundThreads < 1) {
      throw new IllegalArgumentException(
          "backgroundThreads must be at least 1, was " + backgroundThreads);
    }
    if (blockCacheBytes < MIB) {
      throw new IllegalArgumentException(
          "blockCacheBytes must be at least 1 MiB, was " + blockCacheBytes);
    }
  }

  /** Create if missing, 2 background threads, 64 MiB cache, no fsync per commit. */
  public static RocksDbConfig defaults() {
    return new RocksDbConfig(true, 2, 64 * MIB, false);
  }

  public RocksDbConfig withCreateIfMissing(boolean value) {
    return new RocksDbConfig(value, backgroundThreads, blockCacheBytes, syncWrites);
  }

  public RocksDbConfig withSyncWrites(boolean value) {
    return new RocksDbConfig(createIfMissing, backgroundThreads, blockCacheBytes, value);
  }
}
