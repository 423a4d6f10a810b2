package io.basalt.storage.rocksdb;

import static io.basalt.storage.TestSchema.BY_SLOT;
import static io.basalt.storage.TestSchema.COUNTER;
import static io.basalt.storage.TestSchema.RAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.UInt64;
import io.basalt.storage.Column;
import io.basalt.storage.IncompatibleSchemaException;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.Schema;
import io.basalt.storage.StorageException;
import io.basalt.storage.TestSchema;
import io.basalt.storage.codec.Codecs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a real RocksDB directory keeps across close and reopen, and what it refuses to open. */
class RocksDbDurabilityTest {

  private static final Column<Bytes, Bytes> EXTRA =
      Column.of(50, "EXTRA", Codecs.BYTES, Codecs.BYTES);

  @TempDir Path tmp;

  private KvStore open(Path dir, RocksDbConfig config, Schema schema) {
    return RocksDbKvStore.open(dir, config, schema);
  }

  private static Schema withExtraColumn(long version) {
    List<Column<?, ?>> columns = new ArrayList<>(TestSchema.SCHEMA.columns());
    columns.add(EXTRA);
    return Schema.of(version, columns, TestSchema.SCHEMA.variables());
  }

  @Test
  void shouldReadBackAfterCloseAndReopen() {
    Path dir = tmp.resolve("db");
    try (KvStore store = open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      try (KvStoreTransaction tx = store.startTransaction()) {
        for (int i = 0; i < 100; i++) {
          tx.put(BY_SLOT, UInt64.valueOf(i), "slot " + i);
        }
        tx.put(RAW, Bytes.of(1), Bytes.of(2)).put(COUNTER, UInt64.valueOf(100));
        tx.commit();
      }
    }
    try (KvStore store = open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      assertThat(store.get(COUNTER)).contains(UInt64.valueOf(100));
      assertThat(store.get(RAW, Bytes.of(1))).contains(Bytes.of(2));
      assertThat(store.get(BY_SLOT, UInt64.valueOf(99))).contains("slot 99");
      try (var s = store.stream(BY_SLOT)) {
        assertThat(s.count()).isEqualTo(100);
      }
      assertThat(store.get(Schema.SCHEMA_VERSION)).contains(UInt64.ONE);
    }
  }

  @Test
  void shouldPersistWithSyncedWrites() {
    Path dir = tmp.resolve("db");
    RocksDbConfig synced = RocksDbConfig.defaults().withSyncWrites(true);
    try (KvStore store = open(dir, synced, TestSchema.SCHEMA);
        KvStoreTransaction tx = store.startTransaction()) {
      tx.put(RAW, Bytes.of(7), Bytes.of(8));
      tx.commit();
    }
    try (KvStore store = open(dir, synced, TestSchema.SCHEMA)) {
      assertThat(store.get(RAW, Bytes.of(7))).contains(Bytes.of(8));
    }
  }

  @Test
  void shouldRefuseDatabaseWrittenWithNewerSchemaVersion() {
    Path dir = tmp.resolve("db");
    open(dir, RocksDbConfig.defaults(), withExtraColumn(2)).close();

    assertThatThrownBy(() -> open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("schema version 2")
        .hasMessageContaining("newer than version 1");
  }

  @Test
  void shouldRefuseDatabaseWrittenWithOlderSchemaVersion() {
    Path dir = tmp.resolve("db");
    open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA).close();

    assertThatThrownBy(() -> open(dir, RocksDbConfig.defaults(), withExtraColumn(2)))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("no migration");
  }

  @Test
  void shouldKeepColumnFamiliesTheSchemaDoesNotName() {
    Path dir = tmp.resolve("db");
    try (KvStore store = open(dir, RocksDbConfig.defaults(), withExtraColumn(1));
        KvStoreTransaction tx = store.startTransaction()) {
      tx.put(EXTRA, Bytes.of(1), Bytes.of(1));
      tx.commit();
    }
    try (KvStore store = open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      assertThatThrownBy(() -> store.get(EXTRA, Bytes.of(1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (KvStore store = open(dir, RocksDbConfig.defaults(), withExtraColumn(1))) {
      assertThat(store.get(EXTRA, Bytes.of(1))).contains(Bytes.of(1));
    }
  }

  @Test
  void shouldRefuseMissingDatabaseWhenNotAskedToCreate() {
    Path dir = tmp.resolve("absent");
    assertThatThrownBy(
            () -> open(dir, RocksDbConfig.defaults().withCreateIfMissing(false), TestSchema.SCHEMA))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("No RocksDB database");
  }

  @Test
  void shouldRefuseSecondOpenOfTheSameDirectory() {
    Path dir = tmp.resolve("db");
    try (KvStore first = open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA)) {
      assertThatThrownBy(() -> open(dir, RocksDbConfig.defaults(), TestSchema.SCHEMA))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("Cannot open RocksDB");
      assertThat(first.get(Schema.SCHEMA_VERSION)).isPresent();
    }
  }

  @Test
  void shouldRejectInvalidConfig() {
    assertThatThrownBy(() -> new RocksDbConfig(true, 0, 64L << 20, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RocksDbConfig(true, 2, 10, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
