package io.basalt.storage.rocksdb;

import org.rocksdb.RocksDB;

/** Loads the RocksDB JNI library once per JVM, on first use. */
final class NativeLibrary {

  private NativeLibrary() {}

  private static final class Holder {
    static {
      RocksDB.loadLibrary();
    }

    static void touch() {}
  }

  static void ensureLoaded() {
    Holder.touch();
  }
}
