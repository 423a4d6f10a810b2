package io.basalt.shard.chain;

import static io.basalt.shard.transition.ShardFixture.address;
import static io.basalt.shard.transition.ShardFixture.ether;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.chain.store.FailingCommitKvStore;
import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.state.WorldState;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.store.ShardStateCodec;
import io.basalt.shard.store.TransactionLocation;
import io.basalt.storage.KvStore;
import io.basalt.storage.StorageException;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import io.basalt.storage.schema.ShardRootKey;
import io.basalt.storage.schema.ShardSlotKey;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentShardChainTest {

  private static ForkedBlocks blocks;

  @TempDir Path dir;

  @BeforeAll
  static void produceBlocks() throws Exception {
    blocks = new ForkedBlocks();
  }

  private KvStore openRocks() {
    return RocksDbKvStore.open(dir.resolve("db"), RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
  }

  private void importAll(ShardChain chain, SignedShardBlock... toImport) {
    for (SignedShardBlock block : toImport) {
      assertThat(blocks.importInto(chain, block)).isInstanceOf(ShardImport.Imported.class);
    }
  }

  private static Bytes32 txHash(SignedShardBlock block, int index) {
    return Hash.keccak256(block.message().body().transactions().get(index));
  }

  private static ShardRootKey rootKey(SignedShardBlock block) {
    return new ShardRootKey(ForkedBlocks.SHARD, block.root());
  }

  private static List<Bytes32> roots(List<SignedShardBlock> list) {
    return list.stream().map(SignedShardBlock::root).toList();
  }

  @Test
  void shouldResumeWithTheSameBlocksStatesReceiptsAndIndexAfterReopeningRocksDb() {
    Bytes32 headBefore;
    try (KvStore kv = openRocks()) {
      ShardChain chain = blocks.open(kv);
      importAll(chain, blocks.b1, blocks.b2, blocks.b3, blocks.f4);
      headBefore = chain.head(Bytes32.ZERO, beacon -> true, validator -> 0);
    }
    try (KvStore kv = openRocks()) {
      ShardChain chain = blocks.open(kv);
      assertThat(chain.blockCount()).isEqualTo(4);
      assertThat(chain.head(Bytes32.ZERO, beacon -> true, validator -> 0)).isEqualTo(headBefore);
      assertThat(headBefore).isEqualTo(blocks.f4.root()); // no votes: the later slot wins
      assertThat(chain.headSlot()).isEqualTo(Slot.of(4));

      ShardStateCodec codec = new ShardStateCodec(blocks.f.schemas);
      for (SignedShardBlock block : List.of(blocks.b1, blocks.b2, blocks.b3, blocks.f4)) {
        assertThat(chain.block(block.root()).orElseThrow().root()).isEqualTo(block.root());
        assertThat(codec.encode(chain.stateAfter(block.root()).orElseThrow()))
            .isEqualTo(codec.encode(blocks.expectedState(block)));
        assertThat(receiptEncodings(chain.receipts(block.root()).orElseThrow()))
            .isEqualTo(receiptEncodings(blocks.producer.receipts(block.root()).orElseThrow()));
        // Read from the database: the reopened store has no import results cached.
        assertThat(chain.result(block.root())).isEmpty();
        assertThat(chain.senders(block.root())).isEqualTo(blocks.producer.senders(block.root()));
      }
      assertThat(chain.receipts(blocks.b1.root()).orElseThrow()).hasSize(2);
      assertThat(chain.senders(blocks.b1.root()).orElseThrow()).hasSize(2).doesNotContainNull();
      assertThat(chain.transactionLocation(txHash(blocks.b1, 1)))
          .contains(new TransactionLocation(ForkedBlocks.SHARD, blocks.b1.root(), 1));
      assertThat(chain.transactionLocation(txHash(blocks.b3, 0)))
          .contains(new TransactionLocation(ForkedBlocks.SHARD, blocks.b3.root(), 0));

      // The account trie the blocks wrote is in the database too.
      WorldState world =
          WorldState.open(
              chain.stateAfter(blocks.b3.root()).orElseThrow().accountsRoot(), chain.nodeStore());
      assertThat(world.getOrEmpty(address(5)).balance()).isEqualTo(ether(4));
      assertThat(world.getOrEmpty(address(7)).balance()).isEqualTo(ether(2));

      // Known blocks stay known; the chain keeps importing after a restart.
      assertThat(blocks.importInto(chain, blocks.b2)).isInstanceOf(ShardImport.AlreadyKnown.class);
      importAll(chain, blocks.f5);
    }
  }

  @Test
  void shouldServeOnlyTheCanonicalBlocksOfARangeOldestFirst() {
    ShardChain chain = blocks.open(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    importAll(chain, blocks.b1, blocks.b2, blocks.b3, blocks.f4, blocks.f5);

    assertThat(roots(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.ZERO, 10)))
        .containsExactly(blocks.b1.root(), blocks.b2.root(), blocks.b3.root());
    assertThat(roots(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.of(2), 1)))
        .containsExactly(blocks.b2.root());
    assertThat(roots(chain.canonicalBlocksByRange(blocks.f5.root(), Slot.of(2), 10)))
        .containsExactly(blocks.f4.root(), blocks.f5.root());
    assertThat(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.of(4), 10)).isEmpty();
    assertThat(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.ZERO, 0)).isEmpty();
    assertThat(
            chain.canonicalBlocksByRange(
                blocks.b3.root(), new Slot(UInt64.MAX_VALUE.minus(1)), Integer.MAX_VALUE))
        .isEmpty();
    assertThat(chain.canonicalBlocksByRange(Bytes32.repeat((byte) 9), Slot.ZERO, 10)).isEmpty();
  }

  @Test
  void shouldGiveTheBlocksAHeadLeavesBehindOldestFirst() {
    ShardChain chain = blocks.open(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    importAll(chain, blocks.b1, blocks.b2, blocks.b3, blocks.f4, blocks.f5);

    assertThat(roots(chain.abandonedBy(blocks.b3.root(), blocks.f5.root())))
        .containsExactly(blocks.b2.root(), blocks.b3.root());
    assertThat(roots(chain.abandonedBy(blocks.f5.root(), blocks.b2.root())))
        .containsExactly(blocks.f4.root(), blocks.f5.root());
    assertThat(chain.abandonedBy(blocks.b1.root(), blocks.b3.root())).isEmpty();
    assertThat(chain.abandonedBy(blocks.b3.root(), blocks.b3.root())).isEmpty();
    assertThat(chain.abandonedBy(Bytes32.repeat((byte) 9), blocks.b3.root())).isEmpty();
  }

  @Test
  void shouldReportTheLastImportedHeadWhileTheCrosslinkedBlockIsMissing() {
    ShardChain chain = blocks.open(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    importAll(chain, blocks.b1, blocks.b2);
    chain.head(blocks.b1.root(), beacon -> true, validator -> 0);
    assertThat(chain.headSlot()).isEqualTo(Slot.of(2));

    // The beacon head crosslinks b3, not imported yet: sync resumes after b2, not after genesis.
    assertThat(chain.head(blocks.b3.root(), beacon -> true, validator -> 0))
        .isEqualTo(blocks.b3.root());
    assertThat(chain.headSlot()).isEqualTo(Slot.of(2));

    importAll(chain, blocks.b3);
    chain.head(blocks.b3.root(), beacon -> true, validator -> 0);
    assertThat(chain.headSlot()).isEqualTo(Slot.of(3));
  }

  @Test
  void shouldFallBackToTheAnchorWhenTheLastImportedHeadIsPruned() {
    ShardChain chain = blocks.open(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    importAll(chain, blocks.b1, blocks.b2, blocks.f4);
    assertThat(chain.head(blocks.b1.root(), beacon -> true, validator -> 0))
        .isEqualTo(blocks.f4.root());

    // b2 is finalized, so the fork f4 is pruned, and the new crosslink b3 is not imported.
    assertThat(chain.onFinalized(blocks.b2.root())).isTrue();
    chain.head(blocks.b3.root(), beacon -> true, validator -> 0);
    assertThat(chain.headSlot()).isEqualTo(Slot.of(2));
  }

  @Test
  void shouldPruneTheForkAndKeepTheCanonicalChainWhenFinalizedAcrossARestart() {
    try (KvStore kv = openRocks()) {
      ShardChain chain = blocks.open(kv);
      importAll(chain, blocks.b1, blocks.b2, blocks.b3, blocks.f4, blocks.f5);
      assertThat(chain.onFinalized(Bytes32.repeat((byte) 9))).isFalse(); // not imported
      assertThat(chain.onFinalized(blocks.b2.root())).isTrue();
      assertThat(chain.onFinalized(blocks.b2.root())).isFalse(); // already the anchor
      assertFinalizedAtB2(chain, kv);
    }
    try (KvStore kv = openRocks()) {
      ShardChain chain = blocks.open(kv);
      assertFinalizedAtB2(chain, kv);
      assertThat(chain.blockCount()).isEqualTo(1); // b3
      assertThat(blocks.importInto(chain, blocks.f5)).isInstanceOf(ShardImport.UnknownParent.class);

      assertThat(chain.onFinalized(blocks.b3.root())).isTrue();
      assertThat(chain.stateAfter(blocks.b2.root())).isEmpty();
      assertThat(chain.stateAfter(blocks.b3.root())).isPresent();
      assertThat(roots(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.ZERO, 10)))
          .containsExactly(blocks.b1.root(), blocks.b2.root(), blocks.b3.root());
    }
  }

  private void assertFinalizedAtB2(ShardChain chain, KvStore kv) {
    assertThat(chain.finalizedRoot()).isEqualTo(blocks.b2.root());
    for (SignedShardBlock gone : List.of(blocks.f4, blocks.f5)) {
      assertThat(chain.block(gone.root())).isEmpty();
      assertThat(chain.stateAfter(gone.root())).isEmpty();
      assertThat(chain.receipts(gone.root())).isEmpty();
      assertThat(chain.senders(gone.root())).isEmpty();
    }
    assertThat(chain.transactionLocation(txHash(blocks.f4, 0))).isEmpty();
    assertThat(chain.block(blocks.b1.root())).isPresent();
    assertThat(chain.stateAfter(blocks.b1.root())).isEmpty(); // finalized, not the latest
    assertThat(chain.stateAfter(blocks.b2.root())).isPresent();
    assertThat(chain.stateAfter(blocks.b3.root())).isPresent();
    // The finalized state is kept whole; b3's is its difference from b2's.
    assertThat(kv.get(BasaltSchema.SHARD_STATES_BY_ROOT, rootKey(blocks.b2))).isPresent();
    assertThat(kv.get(BasaltSchema.SHARD_STATE_DELTAS_BY_ROOT, rootKey(blocks.b2))).isEmpty();
    assertThat(kv.get(BasaltSchema.SHARD_STATES_BY_ROOT, rootKey(blocks.b3))).isEmpty();
    assertThat(kv.get(BasaltSchema.SHARD_STATE_DELTAS_BY_ROOT, rootKey(blocks.b3))).isPresent();
    assertThat(chain.receipts(blocks.b1.root()).orElseThrow()).hasSize(2);
    assertThat(chain.transactionLocation(txHash(blocks.b1, 0)))
        .contains(new TransactionLocation(ForkedBlocks.SHARD, blocks.b1.root(), 0));
    assertThat(
            kv.get(
                BasaltSchema.FINALIZED_SHARD_ROOTS_BY_SLOT,
                new ShardSlotKey(ForkedBlocks.SHARD, Slot.of(1).value())))
        .contains(blocks.b1.root());
    assertThat(roots(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.ZERO, 10)))
        .containsExactly(blocks.b1.root(), blocks.b2.root(), blocks.b3.root());
    assertThat(roots(chain.canonicalBlocksByRange(blocks.b3.root(), Slot.of(2), 2)))
        .containsExactly(blocks.b2.root(), blocks.b3.root());
  }

  @Test
  void shouldDeleteBlocksDroppedOffTheCanonicalBeaconChainPersistently() {
    KvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);
    ShardChain chain = blocks.open(kv);
    importAll(chain, blocks.b1, blocks.b2);

    List<SignedShardBlock> dropped = chain.dropOffCanonical(beacon -> false);

    assertThat(roots(dropped)).containsExactlyInAnyOrder(blocks.b1.root(), blocks.b2.root());
    ShardChain reopened = blocks.open(kv);
    assertThat(reopened.blockCount()).isZero();
    assertThat(reopened.block(blocks.b1.root())).isEmpty();
    assertThat(reopened.receipts(blocks.b2.root())).isEmpty();
    assertThat(reopened.senders(blocks.b2.root())).isEmpty();
    assertThat(reopened.transactionLocation(txHash(blocks.b2, 0))).isEmpty();
    assertThat(reopened.stateAfter(Bytes32.ZERO)).isPresent(); // the genesis stays
  }

  @Test
  void shouldStoreNothingOfABlockWhoseWriteFailsAndImportItLater() {
    FailingCommitKvStore kv = new FailingCommitKvStore(InMemoryKvStore.create(BasaltSchema.SCHEMA));
    ShardChain chain = blocks.open(kv);
    Bytes32 stateRoot = blocks.b1.message().header().stateRoot();
    kv.failCommits(true);

    assertThatThrownBy(() -> blocks.importInto(chain, blocks.b1))
        .isInstanceOf(StorageException.class);

    assertThat(chain.block(blocks.b1.root())).isEmpty();
    assertThat(chain.blockCount()).isZero();
    assertThat(kv.get(BasaltSchema.TRIE_NODES, stateRoot)).isEmpty(); // not even its trie nodes
    assertThat(kv.get(BasaltSchema.RECEIPTS_BY_BLOCK_ROOT, blocks.b1.root())).isEmpty();

    kv.failCommits(false);
    assertThat(blocks.open(kv).block(blocks.b1.root())).isEmpty(); // also after a restart
    importAll(chain, blocks.b1, blocks.b2);
    assertThat(kv.get(BasaltSchema.TRIE_NODES, stateRoot)).isPresent();
    assertThat(blocks.open(kv).blockCount()).isEqualTo(2);
  }

  private static List<Bytes> receiptEncodings(List<Receipt> receipts) {
    return receipts.stream().map(Receipt::encode).toList();
  }
}
