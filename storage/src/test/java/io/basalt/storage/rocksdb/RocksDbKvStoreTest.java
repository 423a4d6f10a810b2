package io.basalt.storage.rocksdb;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreContractTest;
import io.basalt.storage.TestSchema;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbKvStoreTest extends KvStoreContractTest {

  @TempDir Path dir;

  @Override
  protected KvStore createStore() {
    return RocksDbKvStore.open(dir.resolve("db"), RocksDbConfig.defaults(), TestSchema.SCHEMA);
  }
}
