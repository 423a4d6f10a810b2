package io.basalt.beacon.chain.store;

import static io.basalt.storage.schema.BasaltSchema.FINALIZED_BEACON_BLOCKS_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.FINALIZED_BEACON_ROOTS_BY_SLOT;
import static io.basalt.storage.schema.BasaltSchema.FINALIZED_BEACON_STATES_BY_SLOT;
import static io.basalt.storage.schema.BasaltSchema.FINALIZED_CHECKPOINT;
import static io.basalt.storage.schema.BasaltSchema.GENESIS_TIME;
import static io.basalt.storage.schema.BasaltSchema.HEAD_ROOT;
import static io.basalt.storage.schema.BasaltSchema.HOT_BEACON_BLOCKS_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.HOT_BEACON_STATES_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.JUSTIFIED_CHECKPOINT;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.helpers.MiscHelpers;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The beacon chain's persistent data over a {@link KvStore} (columns of {@code BasaltSchema}).
 *
 * <p>What is written when:
 *
 * <ul>
 *   <li>at genesis: the genesis block (finalized, slot 0), the genesis state, the metadata;
 *   <li>per imported block, in <b>one</b> transaction ({@link #commitImport}): the block in {@code
 *       HOT_BEACON_BLOCKS_BY_ROOT}; its post-state in {@code HOT_BEACON_STATES_BY_ROOT} (keyed by
 *       the block root) when it is the first block of its epoch; head, justified and finalized;
 *       and, when the finalized checkpoint advanced, the finalization below;
 *   <li>finalization: the blocks from the previous finalized block to the new one move to {@code
 *       FINALIZED_BEACON_BLOCKS_BY_ROOT} and {@code FINALIZED_BEACON_ROOTS_BY_SLOT}; the finalized
 *       block's post-state is stored (hot, as the restart anchor, and in {@code
 *       FINALIZED_BEACON_STATES_BY_SLOT}); hot blocks and states that do not descend from it are
 *       deleted, as are the hot states of the finalized chain before it.
 * </ul>
 *
 * <p>In memory it keeps a {@link BlockSummary} of the finalized anchor and of every hot block, and
 * the current head and checkpoints; they change only after a commit succeeded, so a failed write
 * leaves memory and disk as they were. Checkpoint roots are never zero here: the genesis state's
 * zero-root checkpoints are stored as the genesis block root.
 *
 * <p>Thread-safe: every method synchronizes on the store.
 */
public final class ChainStore {

  private final KvStore kv;
  private final BeaconSchemas schemas;
  private final MiscHelpers misc;
  private final Bytes32 genesisRoot;
  private final UInt64 genesisTime;
  private final Map<Bytes32, BlockSummary> index = new HashMap<>();
  private BlockSummary anchor;
  private Bytes32 head;
  private Checkpoint justified;
  private Checkpoint finalized;

  private ChainStore(
      KvStore kv,
      BeaconSchemas schemas,
      Bytes32 genesisRoot,
      UInt64 genesisTime,
      BlockSummary anchor,
      Bytes32 head,
      Checkpoint justified,
      Checkpoint finalized) {
    this.kv = kv;
    this.schemas = schemas;
    this.misc = new MiscHelpers(schemas.config());
    this.genesisRoot = genesisRoot;
    this.genesisTime = genesisTime;
    this.anchor = anchor;
    this.head = head;
    this.justified = justified;
    this.finalized = finalized;
    index.put(anchor.root(), anchor);
  }

  /** The genesis block: an empty body and the genesis state's root, as the genesis header. */
  public static SignedBeaconBlock genesisBlock(BeaconSchemas schemas, BeaconState genesis) {
    Bytes zeroSignature = Bytes.wrap(new byte[96]);
    BeaconBlock block =
        new BeaconBlock(
            Slot.ZERO,
            ValidatorIndex.ZERO,
            Bytes32.ZERO,
            genesis.hashTreeRoot(),
            BeaconBlockBody.empty(zeroSignature, Bytes32.ZERO));
    return new SignedBeaconBlock(block, zeroSignature);
  }

  /**
   * Writes a new chain starting at {@code genesis} and opens it.
   *
   * @throws IllegalStateException if {@code kv} already holds a chain
   */
  public static ChainStore initialize(KvStore kv, BeaconSchemas schemas, BeaconState genesis) {
    if (kv.get(HEAD_ROOT).isPresent()) {
      throw new IllegalStateException("The database already holds a chain");
    }
    SignedBeaconBlock block = genesisBlock(schemas, genesis);
    Bytes32 root = schemas.beaconBlock().hashTreeRoot(block.message());
    Checkpoint anchorCheckpoint = new Checkpoint(Epoch.ZERO, root);
    Bytes stateSsz = schemas.beaconState().serialize(genesis);
    try (KvStoreTransaction tx = kv.startTransaction()) {
      tx.put(GENESIS_TIME, genesis.genesisTime());
      tx.put(FINALIZED_BEACON_ROOTS_BY_SLOT, UInt64.ZERO, root);
      tx.put(FINALIZED_BEACON_BLOCKS_BY_ROOT, root, schemas.signedBeaconBlock().serialize(block));
      tx.put(FINALIZED_BEACON_STATES_BY_SLOT, UInt64.ZERO, stateSsz);
      tx.put(HOT_BEACON_STATES_BY_ROOT, root, stateSsz);
      tx.put(HEAD_ROOT, root);
      tx.put(JUSTIFIED_CHECKPOINT, Checkpoint.SSZ.serialize(anchorCheckpoint));
      tx.put(FINALIZED_CHECKPOINT, Checkpoint.SSZ.serialize(anchorCheckpoint));
      tx.commit();
    }
    return new ChainStore(
        kv,
        schemas,
        root,
        genesis.genesisTime(),
        new BlockSummary(root, Slot.ZERO, Bytes32.ZERO),
        root,
        anchorCheckpoint,
        anchorCheckpoint);
  }

  /**
   * Opens the chain stored in {@code kv}: the finalized anchor, every hot block's summary and the
   * metadata. Empty when {@code kv} holds no chain yet.
   *
   * @throws IllegalStateException if the stored chain is incomplete (a metadata entry or the
   *     finalized block is missing)
   */
  public static Optional<ChainStore> load(KvStore kv, BeaconSchemas schemas) {
    Optional<Bytes32> head = kv.get(HEAD_ROOT);
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Checkpoint finalized = Checkpoint.SSZ.deserialize(require(kv.get(FINALIZED_CHECKPOINT), "F"));
    Checkpoint justified = Checkpoint.SSZ.deserialize(require(kv.get(JUSTIFIED_CHECKPOINT), "J"));
    Bytes32 genesisRoot = require(kv.get(FINALIZED_BEACON_ROOTS_BY_SLOT, UInt64.ZERO), "genesis");
    UInt64 genesisTime = require(kv.get(GENESIS_TIME), "genesis time");
    SignedBeaconBlock anchorBlock =
        schemas
            .signedBeaconBlock()
            .deserialize(
                require(
                    kv.get(FINALIZED_BEACON_BLOCKS_BY_ROOT, finalized.root()), "finalized block"));
    ChainStore store =
        new ChainStore(
            kv,
            schemas,
            genesisRoot,
            genesisTime,
            summaryOf(finalized.root(), anchorBlock),
            head.get(),
            justified,
            finalized);
    try (Stream<ColumnEntry<Bytes32, Bytes>> hot = kv.stream(HOT_BEACON_BLOCKS_BY_ROOT)) {
      hot.forEach(
          entry ->
              store.index.put(
                  entry.key(),
                  summaryOf(entry.key(), schemas.signedBeaconBlock().deserialize(entry.value()))));
    }
    return Optional.of(store);
  }

  private static <T> T require(Optional<T> value, String what) {
    return value.orElseThrow(
        () -> new IllegalStateException("Stored chain is incomplete: no " + what + " entry"));
  }

  private static BlockSummary summaryOf(Bytes32 root, SignedBeaconBlock block) {
    return new BlockSummary(root, block.message().slot(), block.message().parentRoot());
  }

  /**
   * Persists one imported block and everything that changes with it, atomically.
   *
   * @return the roots pruned by a finalization in this import (empty when none), so callers can
   *     drop them from caches
   * @throws IllegalArgumentException if the block's parent is unknown, or the finalized checkpoint
   *     advanced without its state
   */
  public synchronized Set<Bytes32> commitImport(ImportWrite write) {
    BeaconBlock block = write.block().message();
    BlockSummary parent = index.get(block.parentRoot());
    if (parent == null) {
      throw new IllegalArgumentException("Parent " + block.parentRoot() + " is not stored");
    }
    BlockSummary summary = new BlockSummary(write.root(), block.slot(), block.parentRoot());
    Map<Bytes32, BlockSummary> withBlock = new HashMap<>(index);
    withBlock.put(write.root(), summary);
    Set<Bytes32> removed = new HashSet<>();
    BlockSummary newAnchor = anchor;
    try (KvStoreTransaction tx = kv.startTransaction()) {
      tx.put(HOT_BEACON_BLOCKS_BY_ROOT, write.root(), encode(write.block()));
      if (isFirstOfEpoch(block.slot(), parent.slot())) {
        tx.put(HOT_BEACON_STATES_BY_ROOT, write.root(), encode(write.postState()));
      }
      tx.put(HEAD_ROOT, write.headRoot());
      tx.put(JUSTIFIED_CHECKPOINT, Checkpoint.SSZ.serialize(write.justified()));
      tx.put(FINALIZED_CHECKPOINT, Checkpoint.SSZ.serialize(write.finalized()));
      if (write.finalized().epoch().isAfter(finalized.epoch())
          && !write.finalized().root().equals(anchor.root())) {
        BeaconState finalizedState =
            write
                .finalizedState()
                .orElseThrow(
                    () -> new IllegalArgumentException("Finalization needs the finalized state"));
        newAnchor = finalize(tx, withBlock, write.finalized().root(), finalizedState, removed);
      }
      tx.commit();
    }
    index.put(write.root(), summary);
    removed.forEach(index::remove);
    anchor = newAnchor;
    head = write.headRoot();
    justified = write.justified();
    finalized = write.finalized();
    return removed;
  }

  private BlockSummary finalize(
      KvStoreTransaction tx,
      Map<Bytes32, BlockSummary> blocks,
      Bytes32 finalizedRoot,
      BeaconState finalizedState,
      Set<Bytes32> removed) {
    BlockSummary newAnchor = blocks.get(finalizedRoot);
    if (newAnchor == null) {
      throw new IllegalArgumentException("Finalized block " + finalizedRoot + " is not stored");
    }
    Set<Bytes32> canonical = new HashSet<>();
    for (BlockSummary b = newAnchor;
        b != null && !b.root().equals(anchor.root());
        b = blocks.get(b.parentRoot())) {
      canonical.add(b.root());
      Bytes blockSsz = require(kv.get(HOT_BEACON_BLOCKS_BY_ROOT, b.root()), "hot block");
      tx.put(FINALIZED_BEACON_ROOTS_BY_SLOT, b.slot().value(), b.root());
      tx.put(FINALIZED_BEACON_BLOCKS_BY_ROOT, b.root(), blockSsz);
      tx.delete(HOT_BEACON_BLOCKS_BY_ROOT, b.root());
      if (!b.equals(newAnchor)) {
        tx.delete(HOT_BEACON_STATES_BY_ROOT, b.root());
        removed.add(b.root());
      }
    }
    Bytes stateSsz = encode(finalizedState);
    tx.put(HOT_BEACON_STATES_BY_ROOT, finalizedRoot, stateSsz);
    tx.put(FINALIZED_BEACON_STATES_BY_SLOT, newAnchor.slot().value(), stateSsz);
    tx.delete(HOT_BEACON_STATES_BY_ROOT, anchor.root());
    removed.add(anchor.root());
    for (BlockSummary b : blocks.values()) {
      if (!canonical.contains(b.root())
          && !b.root().equals(anchor.root())
          && !descendsFrom(blocks, b, newAnchor)) {
        tx.delete(HOT_BEACON_BLOCKS_BY_ROOT, b.root());
        tx.delete(HOT_BEACON_STATES_BY_ROOT, b.root());
        removed.add(b.root());
      }
    }
    return newAnchor;
  }

  private static boolean descendsFrom(
      Map<Bytes32, BlockSummary> blocks, BlockSummary block, BlockSummary ancestor) {
    BlockSummary b = block;
    while (b != null && b.slot().isAfter(ancestor.slot())) {
      b = blocks.get(b.parentRoot());
    }
    return b != null && b.root().equals(ancestor.root());
  }

  private boolean isFirstOfEpoch(Slot slot, Slot parentSlot) {
    return misc.computeEpochAtSlot(slot).isAfter(misc.computeEpochAtSlot(parentSlot));
  }

  private Bytes encode(SignedBeaconBlock block) {
    return schemas.signedBeaconBlock().serialize(block);
  }

  private Bytes encode(BeaconState state) {
    return schemas.beaconState().serialize(state);
  }

  /** The block of {@code root}, hot or finalized. */
  public synchronized Optional<SignedBeaconBlock> block(Bytes32 root) {
    return kv.get(HOT_BEACON_BLOCKS_BY_ROOT, root)
        .or(() -> kv.get(FINALIZED_BEACON_BLOCKS_BY_ROOT, root))
        .map(schemas.signedBeaconBlock()::deserialize);
  }

  /** The stored post-state of block {@code root}, if that block's state was persisted. */
  public synchronized Optional<BeaconState> storedState(Bytes32 blockRoot) {
    return kv.get(HOT_BEACON_STATES_BY_ROOT, blockRoot).map(schemas.beaconState()::deserialize);
  }

  /**
   * The newest state stored for a finalized checkpoint block at or before {@code slot} (the states
   * finalized blocks between checkpoints are regenerated from).
   */
  public synchronized Optional<BeaconState> finalizedStateAtOrBefore(Slot slot) {
    try (var entries =
        kv.streamRange(FINALIZED_BEACON_STATES_BY_SLOT, UInt64.ZERO, slot.value().plus(1))) {
      return entries.reduce((first, second) -> second).map(e -> decodeState(e.value()));
    }
  }

  private BeaconState decodeState(Bytes ssz) {
    return schemas.beaconState().deserialize(ssz);
  }

  /** The root of the finalized block at {@code slot} (empty for skipped or unfinalized slots). */
  public synchronized Optional<Bytes32> finalizedRootAtSlot(Slot slot) {
    return kv.get(FINALIZED_BEACON_ROOTS_BY_SLOT, slot.value());
  }

  /** The summary of the finalized anchor or a hot block. */
  public synchronized Optional<BlockSummary> summary(Bytes32 root) {
    return Optional.ofNullable(index.get(root));
  }

  /** Whether {@code root} is the finalized anchor or a hot block. */
  public synchronized boolean contains(Bytes32 root) {
    return index.containsKey(root);
  }

  /** The hot blocks (descendants of the anchor, the anchor excluded), by increasing slot. */
  public synchronized List<BlockSummary> hotBlocks() {
    List<BlockSummary> hot = new ArrayList<>(index.values());
    hot.remove(anchor);
    hot.sort(Comparator.comparing(BlockSummary::slot));
    return hot;
  }

  /** The finalized block from which the hot chain grows. */
  public synchronized BlockSummary anchor() {
    return anchor;
  }

  public synchronized Bytes32 headRoot() {
    return head;
  }

  public synchronized Checkpoint justifiedCheckpoint() {
    return justified;
  }

  public synchronized Checkpoint finalizedCheckpoint() {
    return finalized;
  }

  public Bytes32 genesisRoot() {
    return genesisRoot;
  }

  public UInt64 genesisTime() {
    return genesisTime;
  }

  public BeaconSchemas schemas() {
    return schemas;
  }

  /** {@code checkpoint} with a zero root (genesis epoch) replaced by the genesis block root. */
  public Checkpoint anchored(Checkpoint checkpoint) {
    return checkpoint.root().isZero()
        ? new Checkpoint(checkpoint.epoch(), genesisRoot)
        : checkpoint;
  }
}
