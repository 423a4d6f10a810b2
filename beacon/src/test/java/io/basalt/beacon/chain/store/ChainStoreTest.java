package io.basalt.beacon.chain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.chain.imports.ImportResult;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.List;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ChainStoreTest {

  private final InMemoryKvStore kv = InMemoryKvStore.create(BasaltSchema.SCHEMA);

  @Test
  void shouldStoreGenesisAsFinalizedAnchor() {
    ChainFixture chain = ChainFixture.genesis(kv, 8);
    Bytes32 genesis = chain.store.genesisRoot();

    assertThat(chain.store.headRoot()).isEqualTo(genesis);
    assertThat(chain.store.finalizedCheckpoint()).isEqualTo(new Checkpoint(Epoch.ZERO, genesis));
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_ROOTS_BY_SLOT, Slot.ZERO.value()))
        .contains(genesis);
    assertThat(chain.store.storedState(genesis)).contains(TestStates.genesis64());
    assertThat(kv.get(BasaltSchema.GENESIS_TIME)).contains(TestStates.GENESIS_TIME);
  }

  @Test
  void shouldRefuseToInitializeTwice() {
    ChainFixture.genesis(kv, 8);
    assertThatThrownBy(
            () -> ChainStore.initialize(kv, ChainFixture.SCHEMAS, TestStates.genesis64()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldLoadNothingFromEmptyDatabase() {
    assertThat(ChainStore.load(kv, ChainFixture.SCHEMAS)).isEmpty();
  }

  @Test
  void shouldResumeFromStoredHeadAfterReload() {
    ChainFixture chain = ChainFixture.genesis(kv, 8);
    Bytes32 head = chain.extendHead(1, 12);
    Checkpoint justified = chain.store.justifiedCheckpoint();

    ChainFixture reopened = ChainFixture.reopen(kv, 8);

    assertThat(reopened.store.headRoot()).isEqualTo(head);
    assertThat(reopened.store.justifiedCheckpoint()).isEqualTo(justified);
    assertThat(reopened.forkChoice.contains(head)).isTrue();
    // The rebuilt fork choice agrees with the stored head, and the chain continues from it.
    ImportedBlock next = reopened.extend(head, 13);
    assertThat(next.headRoot()).isEqualTo(next.root());
  }

  @Test
  void shouldPersistStatesOnlyAtEpochBoundaries() {
    ChainFixture chain = ChainFixture.genesis(kv, 8);
    chain.extendHead(1, 10);
    // Genesis (anchor) plus the first block of epoch 1 (slot 8).
    assertThat(count(BasaltSchema.HOT_BEACON_STATES_BY_ROOT)).isEqualTo(2);
    assertThat(count(BasaltSchema.HOT_BEACON_BLOCKS_BY_ROOT)).isEqualTo(10);
  }

  @Test
  void shouldRegenerateEvictedStatesByReplay() throws Exception {
    ChainFixture chain = ChainFixture.genesis(kv, 2);
    ImportedBlock five = chain.extend(chain.store.headRoot(), 5);
    chain.extendHead(6, 12);
    int before = chain.testTransition().processedBlocks();

    assertThat(chain.states.stateOf(five.root())).contains(five.postState());
    // Replayed from genesis's stored state: blocks at slot 5 only.
    assertThat(chain.testTransition().processedBlocks() - before).isEqualTo(1);
  }

  @Test
  void shouldWriteNothingWhenImportFails() {
    ChainFixture chain = ChainFixture.genesis(kv, 8);
    chain.setSlot(1);
    BeaconBlock block = chain.produce(chain.store.headRoot(), 1).message();
    SignedBeaconBlock bad =
        chain.sign(TestStates.genesis64(), block.withStateRoot(Bytes32.repeat((byte) 3)));
    List<Long> before = snapshotCounts();

    ImportResult<ImportedBlock> result = chain.pipeline.process(bad);

    assertThat(result.rejection().reason()).isEqualTo(ImportRejection.Reason.STATE_ROOT_MISMATCH);
    assertThat(snapshotCounts()).isEqualTo(before);
    assertThat(kv.get(BasaltSchema.HEAD_ROOT)).contains(chain.store.genesisRoot());
  }

  @Test
  void shouldLeaveStoreUnchangedWhenCommitFails() {
    FailingCommitKvStore failing = new FailingCommitKvStore(kv);
    ChainFixture chain = ChainFixture.genesis(failing, 8);
    chain.setSlot(1);
    SignedBeaconBlock block = chain.produce(chain.store.headRoot(), 1);
    List<Long> before = snapshotCounts();
    failing.failCommits(true);

    assertThatThrownBy(() -> chain.pipeline.process(block)).hasMessageContaining("commit failed");

    assertThat(snapshotCounts()).isEqualTo(before);
    assertThat(chain.store.contains(kvRoot(block))).isFalse();
    assertThat(chain.store.headRoot()).isEqualTo(chain.store.genesisRoot());
  }

  @Test
  void shouldMoveCanonicalBlocksAndPruneForksAfterFinalization() {
    ChainFixture chain = ChainFixture.genesis(kv, 8);
    Bytes32 genesis = chain.store.genesisRoot();
    Bytes32 three = chain.extendHead(1, 3);
    // A fork from slot 3 that loses (no votes; the canonical chain is longer and keeps the head
    // only by tie-break, so give the fork a single block at slot 4 and extend the main chain).
    ImportedBlock fork = chain.extend(three, 4);
    Bytes32 main = chain.extend(three, 5).root();
    Bytes32 head = main;
    for (long slot = 6; slot <= 3 * 8 + 1; slot++) {
      head = chain.extend(head, slot).root();
    }

    Checkpoint finalized = chain.store.finalizedCheckpoint();
    assertThat(finalized.epoch()).isEqualTo(Epoch.of(1));
    BlockSummary anchor = chain.store.anchor();
    assertThat(anchor.root()).isEqualTo(finalized.root());
    // Canonical blocks up to the finalized one are in the finalized columns, by slot.
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_ROOTS_BY_SLOT, Slot.of(3).value()))
        .contains(three);
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_ROOTS_BY_SLOT, anchor.slot().value()))
        .contains(anchor.root());
    assertThat(kv.get(BasaltSchema.HOT_BEACON_BLOCKS_BY_ROOT, three)).isEmpty();
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_BLOCKS_BY_ROOT, three)).isPresent();
    // The losing fork is gone from disk and memory.
    assertThat(kv.get(BasaltSchema.HOT_BEACON_BLOCKS_BY_ROOT, fork.root())).isEmpty();
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_BLOCKS_BY_ROOT, fork.root())).isEmpty();
    assertThat(chain.store.contains(fork.root())).isFalse();
    // Genesis's hot state is gone; the finalized block's state is the anchor, also kept by slot.
    assertThat(kv.get(BasaltSchema.HOT_BEACON_STATES_BY_ROOT, genesis)).isEmpty();
    assertThat(kv.get(BasaltSchema.HOT_BEACON_STATES_BY_ROOT, anchor.root())).isPresent();
    assertThat(kv.get(BasaltSchema.FINALIZED_BEACON_STATES_BY_SLOT, anchor.slot().value()))
        .isPresent();
    // Every hot block descends from the anchor.
    for (BlockSummary hot : chain.store.hotBlocks()) {
      assertThat(hot.slot()).isGreaterThan(anchor.slot());
    }

    // A restart resumes from the finalized anchor and the remaining hot blocks.
    ChainFixture reopened = ChainFixture.reopen(kv, 8);
    assertThat(reopened.store.headRoot()).isEqualTo(head);
    assertThat(reopened.store.anchor()).isEqualTo(anchor);
    assertThat(reopened.forkChoice.contains(head)).isTrue();
  }

  private Bytes32 kvRoot(SignedBeaconBlock block) {
    return ChainFixture.SCHEMAS.beaconBlock().hashTreeRoot(block.message());
  }

  private List<Long> snapshotCounts() {
    return List.of(
        count(BasaltSchema.HOT_BEACON_BLOCKS_BY_ROOT),
        count(BasaltSchema.HOT_BEACON_STATES_BY_ROOT),
        count(BasaltSchema.FINALIZED_BEACON_BLOCKS_BY_ROOT),
        count(BasaltSchema.FINALIZED_BEACON_ROOTS_BY_SLOT));
  }

  private <K, V> long count(io.basalt.storage.Column<K, V> column) {
    try (Stream<ColumnEntry<K, V>> entries = kv.stream(column)) {
      return entries.count();
    }
  }
}
