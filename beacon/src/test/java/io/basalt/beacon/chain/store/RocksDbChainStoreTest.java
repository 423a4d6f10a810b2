package io.basalt.beacon.chain.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.KvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbChainStoreTest {

  @TempDir Path dir;

  @Test
  void shouldResumeFromStoredHeadAfterCloseAndReopen() {
    Bytes32 head;
    Checkpoint finalized;
    try (KvStore kv = open()) {
      ChainFixture chain = ChainFixture.genesis(kv, 8);
      head = chain.extendHead(1, 3 * 8 + 2);
      finalized = chain.store.finalizedCheckpoint();
      assertThat(finalized.epoch().value().longValue()).isPositive();
    }

    try (KvStore kv = open()) {
      ChainFixture chain = ChainFixture.reopen(kv, 8);
      assertThat(chain.store.headRoot()).isEqualTo(head);
      assertThat(chain.store.finalizedCheckpoint()).isEqualTo(finalized);
      assertThat(chain.store.block(head)).isPresent();

      ImportedBlock next = chain.extend(head, 3 * 8 + 3);
      assertThat(next.headRoot()).isEqualTo(next.root());
      assertThat(chain.store.headRoot()).isEqualTo(next.root());
    }

    try (KvStore kv = open()) {
      assertThat(ChainStore.load(kv, ChainFixture.SCHEMAS).orElseThrow().headRoot())
          .isNotEqualTo(head);
    }
  }

  private KvStore open() {
    return RocksDbKvStore.open(dir.resolve("db"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
  }
}
