package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.GENESIS_ROOT;
import static io.basalt.node.validator.slashing.SlashingFixtures.attest;
import static io.basalt.node.validator.slashing.SlashingFixtures.block;
import static io.basalt.node.validator.slashing.SlashingFixtures.reason;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static io.basalt.node.validator.slashing.SlashingFixtures.shardBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvSlashingProtectionTest {

  @TempDir Path dir;

  @Test
  void shouldKeepEveryRecordAcrossARestart() {
    try (KvSlashingProtection protection = KvSlashingProtection.open(dir, GENESIS_ROOT)) {
      assertThat(block(protection, ALICE, 10, root(10)).isSafe()).isTrue();
      assertThat(attest(protection, ALICE, 3, 4, root(4)).isSafe()).isTrue();
      assertThat(shardBlock(protection, ALICE, 1, 7, root(7)).isSafe()).isTrue();
    }
    try (KvSlashingProtection protection = KvSlashingProtection.open(dir, GENESIS_ROOT)) {
      assertThat(reason(block(protection, ALICE, 10, root(11))))
          .startsWith("block at slot 10 conflicts");
      assertThat(block(protection, ALICE, 9, root(9)).isSafe()).isFalse();
      assertThat(block(protection, ALICE, 10, root(10)).isSafe()).isTrue();
      assertThat(reason(attest(protection, ALICE, 2, 5, root(5)))).contains("surrounds");
      assertThat(reason(attest(protection, ALICE, 3, 4, root(99)))).startsWith("double vote");
      assertThat(shardBlock(protection, ALICE, 1, 6, root(6)).isSafe()).isFalse();
    }
    try (KvSlashingProtection protection = KvSlashingProtection.openExisting(dir)) {
      assertThat(protection.genesisValidatorsRoot()).isEqualTo(GENESIS_ROOT);
      assertThat(block(protection, ALICE, 9, root(9)).isSafe()).isFalse();
    }
  }

  @Test
  void shouldRefuseADatabaseWrittenForAnotherChain() {
    KvSlashingProtection.open(dir, GENESIS_ROOT).close();
    Bytes32 other = Bytes32.fromHexString("0x02");
    assertThatThrownBy(() -> KvSlashingProtection.open(dir, other))
        .isInstanceOf(SlashingProtectionException.class)
        .hasMessage(
            "The slashing protection database was written for the chain with genesis validators"
                + " root "
                + GENESIS_ROOT.toHexString()
                + ", not "
                + other.toHexString());
    // the failed open released the database
    KvSlashingProtection.open(dir, GENESIS_ROOT).close();
  }

  @Test
  void openExistingShouldFailClearlyWithoutADatabase() {
    Path missing = dir.resolve("nothing-here");
    assertThatThrownBy(() -> KvSlashingProtection.openExisting(missing))
        .isInstanceOf(SlashingProtectionException.class)
        .hasMessage("There is no slashing protection database at " + missing);
    assertThatThrownBy(
            () ->
                KvSlashingProtection.existing(
                    InMemoryKvStore.create(SlashingProtectionSchema.SCHEMA)))
        .isInstanceOf(SlashingProtectionException.class)
        .hasMessageContaining("records no chain yet");
  }

  @Test
  void shouldRejectAStoreOfAnotherSchemaAndNullArguments() {
    assertThatThrownBy(
            () ->
                KvSlashingProtection.create(
                    InMemoryKvStore.create(BasaltSchema.SCHEMA), GENESIS_ROOT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SlashingProtectionSchema.SCHEMA");
    try (KvSlashingProtection protection = SlashingFixtures.inMemory()) {
      assertThatThrownBy(() -> protection.checkAndRecordBlock(null, null, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("validator must not be null");
    }
  }

  @Test
  void shouldRefuseRatherThanThrowWhenTheStoreIsClosed() {
    KvSlashingProtection protection = SlashingFixtures.inMemory();
    protection.close();
    assertThat(reason(block(protection, ALICE, 1, root(1))))
        .startsWith("slashing protection could not check the block: ");
    assertThat(reason(attest(protection, ALICE, 1, 2, root(1))))
        .startsWith("slashing protection could not check the attestation: ");
  }

  @Test
  void concurrentConflictingBlocksShouldYieldExactlyOneSafeDecision() throws Exception {
    try (KvSlashingProtection protection = KvSlashingProtection.open(dir, GENESIS_ROOT)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<SigningDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          Bytes32 root = root(1000 + i);
          decisions.add(pool.submit(() -> block(protection, ALICE, 42, root)));
        }
        int safe = 0;
        for (Future<SigningDecision> decision : decisions) {
          safe += decision.get().isSafe() ? 1 : 0;
        }
        assertThat(safe).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
