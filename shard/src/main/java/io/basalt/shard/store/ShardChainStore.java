package io.basalt.shard.store;

import static io.basalt.storage.schema.BasaltSchema.FINALIZED_SHARD_ROOTS_BY_SLOT;
import static io.basalt.storage.schema.BasaltSchema.FINALIZED_SHARD_ROOT_BY_SHARD;
import static io.basalt.storage.schema.BasaltSchema.RECEIPTS_BY_BLOCK_ROOT;
import static io.basalt.storage.schema.BasaltSchema.SENDERS_BY_BLOCK_ROOT;
import static io.basalt.storage.schema.BasaltSchema.SHARD_BLOCKS_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.SHARD_STATES_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.SHARD_STATE_DELTAS_BY_ROOT;
import static io.basalt.storage.schema.BasaltSchema.TRANSACTION_LOCATIONS;

import io.basalt.common.cache.WeightedLruCache;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeSink;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.codec.CodecException;
import io.basalt.storage.schema.ShardRootKey;
import io.basalt.storage.schema.ShardSlotKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One shard chain in the node's {@link KvStore} ({@code BasaltSchema}). Per kept block, one
 * transaction writes: the signed block (SSZ, {@code SHARD_BLOCKS_BY_ROOT}), the state after it as a
 * difference from its parent's ({@code SHARD_STATE_DELTAS_BY_ROOT}, see {@link ShardStateCodec};
 * the newest finalized state is kept whole in {@code SHARD_STATES_BY_ROOT}), its receipts ({@code
 * RECEIPTS_BY_BLOCK_ROOT}), a {@link TransactionLocation} per transaction ({@code
 * TRANSACTION_LOCATIONS}) and the trie nodes its validation created ({@code TRIE_NODES}); so a
 * crash leaves all of a block or nothing of it. Finalization indexes canonical blocks by slot
 * ({@code FINALIZED_SHARD_ROOTS_BY_SLOT}) and records the shard's latest finalized root ({@code
 * FINALIZED_SHARD_ROOT_BY_SHARD}). Trie nodes are never deleted: they are shared between blocks and
 * shards.
 *
 * <p>Recent states and results are cached (bounded); everything else is read from the store.
 * Thread-safe. Storage failures are {@link io.basalt.storage.StorageException}s; stored bytes that
 * do not decode are {@link CodecException}s.
 */
public final class ShardChainStore implements ShardBlockStorage {

  /** States kept decoded in memory (the head's and its recent ancestors' are the ones read). */
  public static final int DEFAULT_STATE_CACHE = 64;

  /**
   * The most transactions in the cached import results (which keep every transaction's sender and
   * receipt): a loaded shard's blocks carry a thousand transactions each.
   */
  static final int RESULT_CACHE_TRANSACTIONS = 16_384;

  private final KvStore kv;
  private final ShardId shard;
  private final ShardSchemas schemas;
  private final ShardStateCodec stateCodec;
  private final ShardState genesis;
  private final Map<Bytes32, ShardState> states;
  private final WeightedLruCache<Bytes32, ShardBlockResult> results;

  public ShardChainStore(KvStore kv, ShardSchemas schemas, ShardState genesis, int stateCache) {
    this.kv = kv;
    this.shard = genesis.shard();
    this.schemas = schemas;
    this.stateCodec = new ShardStateCodec(schemas);
    this.genesis = genesis;
    this.states = lru(stateCache);
    this.results =
        new WeightedLruCache<>(
            stateCache, RESULT_CACHE_TRANSACTIONS, result -> result.body().transactions().size());
  }

  public ShardId shard() {
    return shard;
  }

  @Override
  public synchronized void put(
      SignedShardBlock block, ShardBlockResult result, Map<Bytes32, Bytes> trieNodes) {
    Bytes32 root = block.root();
    try (KvStoreTransaction tx = kv.startTransaction()) {
      NodeSink nodes = KvNodeStore.sink(tx);
      trieNodes.forEach(nodes::put);
      tx.put(SHARD_BLOCKS_BY_ROOT, key(root), schemas.signedBlock().serialize(block));
      putState(tx, root, block.message().header().parentRoot(), result.state());
      tx.put(
          RECEIPTS_BY_BLOCK_ROOT,
          root,
          ReceiptListCodec.encode(result.body().execution().receipts()));
      tx.put(SENDERS_BY_BLOCK_ROOT, root, encodeSenders(result.body().transactions()));
      indexTransactions(tx, block);
      tx.commit();
    }
    states.put(root, result.state());
    results.put(root, result);
  }

  @Override
  public synchronized Optional<SignedShardBlock> block(Bytes32 root) {
    return kv.get(SHARD_BLOCKS_BY_ROOT, key(root)).map(this::decodeBlock);
  }

  @Override
  public synchronized Optional<ShardState> state(Bytes32 root) {
    if (root.isZero()) {
      return Optional.of(genesis);
    }
    ShardState whole = wholeState(root);
    Optional<ShardState> state = whole != null ? Optional.of(whole) : fromDeltas(root);
    state.ifPresent(s -> states.put(root, s));
    return state;
  }

  /** The state at {@code root} if it is cached or stored whole, else null. */
  private ShardState wholeState(Bytes32 root) {
    ShardState cached = states.get(root);
    return cached != null
        ? cached
        : kv.get(SHARD_STATES_BY_ROOT, key(root)).map(stateCodec::decode).orElse(null);
  }

  /**
   * Writes the state after block {@code root} as a difference from its parent's when that is known
   * (always, while the parent is kept), else in full.
   */
  private void putState(KvStoreTransaction tx, Bytes32 root, Bytes32 parentRoot, ShardState state) {
    Optional<ShardState> parent = state(parentRoot);
    if (parent.isPresent()) {
      try {
        tx.put(
            SHARD_STATE_DELTAS_BY_ROOT,
            key(root),
            stateCodec.encodeDelta(parentRoot, parent.get(), state));
        return;
      } catch (IllegalArgumentException e) {
        // Not an extension of the parent's outbox (never, for a valid block): store it whole.
      }
    }
    tx.put(SHARD_STATES_BY_ROOT, key(root), stateCodec.encode(state));
  }

  /**
   * The state at {@code root} from its stored delta and its ancestors': deltas back to a state that
   * is cached, stored in full or the genesis, then applied forwards.
   */
  private Optional<ShardState> fromDeltas(Bytes32 root) {
    ArrayDeque<ShardStateCodec.Delta> deltas = new ArrayDeque<>();
    Bytes32 cursor = root;
    ShardState base = null;
    while (base == null) {
      Optional<Bytes> stored = kv.get(SHARD_STATE_DELTAS_BY_ROOT, key(cursor));
      if (stored.isEmpty()) {
        return Optional.empty();
      }
      ShardStateCodec.Delta delta = stateCodec.decodeDelta(stored.get());
      deltas.push(delta);
      cursor = delta.parentRoot();
      base = cursor.isZero() ? genesis : wholeState(cursor);
    }
    ShardState state = base;
    while (!deltas.isEmpty()) {
      state = ShardStateCodec.apply(state, deltas.pop());
    }
    return Optional.of(state);
  }

  @Override
  public synchronized Optional<ShardBlockResult> result(Bytes32 root) {
    return results.get(root);
  }

  @Override
  public Optional<List<Address>> senders(Bytes32 root) {
    return kv.get(SENDERS_BY_BLOCK_ROOT, root).map(ShardChainStore::decodeSenders);
  }

  private static Bytes encodeSenders(List<RecoveredTransaction> transactions) {
    return Bytes.concatenate(transactions.stream().map(t -> t.sender().bytes()).toList());
  }

  private static List<Address> decodeSenders(Bytes stored) {
    if (stored.size() % Address.SIZE != 0) {
      throw new CodecException(
          "Stored senders are " + stored.size() + " bytes, not a multiple of " + Address.SIZE);
    }
    List<Address> senders = new ArrayList<>(stored.size() / Address.SIZE);
    for (int at = 0; at < stored.size(); at += Address.SIZE) {
      senders.add(new Address(stored.slice(at, Address.SIZE)));
    }
    return senders;
  }

  @Override
  public Optional<List<Receipt>> receipts(Bytes32 root) {
    return kv.get(RECEIPTS_BY_BLOCK_ROOT, root).map(ReceiptListCodec::decode);
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 txHash) {
    return kv.get(TRANSACTION_LOCATIONS, txHash)
        .map(TransactionLocation::decode)
        .filter(at -> at.shard().equals(shard));
  }

  @Override
  public synchronized void delete(List<SignedShardBlock> blocks) {
    if (blocks.isEmpty()) {
      return;
    }
    try (KvStoreTransaction tx = kv.startTransaction()) {
      deleteIn(tx, blocks);
      tx.commit();
    }
    forget(blocks.stream().map(SignedShardBlock::root).toList());
  }

  @Override
  public synchronized void pruneOutboxes(List<Long> delivered) {
    states.replaceAll((root, state) -> state.withOutbox(state.outbox().prunedBefore(delivered)));
    results.clear(); // they hold their states' outboxes too; only an RPC shortcut
  }

  @Override
  public synchronized void finalize(
      Bytes32 previousFinalized,
      List<SignedShardBlock> newlyFinalized,
      List<SignedShardBlock> pruned) {
    if (newlyFinalized.isEmpty()) {
      throw new IllegalArgumentException("Nothing newly finalized");
    }
    List<Bytes32> statesDropped = new ArrayList<>();
    if (!previousFinalized.isZero()) {
      statesDropped.add(previousFinalized);
    }
    try (KvStoreTransaction tx = kv.startTransaction()) {
      deleteIn(tx, pruned); // first: the canonical locations written below must win
      for (int i = 0; i < newlyFinalized.size(); i++) {
        SignedShardBlock block = newlyFinalized.get(i);
        tx.put(
            FINALIZED_SHARD_ROOTS_BY_SLOT,
            new ShardSlotKey(shard, block.message().header().slot().value()),
            block.root());
        indexTransactions(tx, block);
        if (i < newlyFinalized.size() - 1) {
          statesDropped.add(block.root());
        }
      }
      Bytes32 finalizedRoot = newlyFinalized.getLast().root();
      // Its ancestors' states go, so the newest finalized state is kept whole.
      ShardState finalizedState =
          state(finalizedRoot)
              .orElseThrow(() -> new IllegalStateException("No state for " + finalizedRoot));
      tx.put(SHARD_STATES_BY_ROOT, key(finalizedRoot), stateCodec.encode(finalizedState));
      tx.delete(SHARD_STATE_DELTAS_BY_ROOT, key(finalizedRoot));
      statesDropped.forEach(root -> deleteState(tx, root));
      tx.put(FINALIZED_SHARD_ROOT_BY_SHARD, shardKey(), finalizedRoot);
      tx.commit();
    }
    forget(pruned.stream().map(SignedShardBlock::root).toList());
    forget(statesDropped);
  }

  @Override
  public Bytes32 finalizedRoot() {
    return kv.get(FINALIZED_SHARD_ROOT_BY_SHARD, shardKey()).orElse(Bytes32.ZERO);
  }

  @Override
  public List<Bytes32> finalizedRoots(Slot fromInclusive, Slot toExclusive) {
    try (Stream<ColumnEntry<ShardSlotKey, Bytes32>> entries =
        kv.streamRange(
            FINALIZED_SHARD_ROOTS_BY_SLOT,
            new ShardSlotKey(shard, fromInclusive.value()),
            new ShardSlotKey(shard, toExclusive.value()))) {
      return entries.map(ColumnEntry::value).toList();
    }
  }

  /** Every stored block of this shard whose root fails {@code skip}, in no particular order. */
  public List<SignedShardBlock> blocksExcept(Predicate<Bytes32> skip) {
    try (Stream<ColumnEntry<ShardRootKey, Bytes>> entries =
        kv.streamByPrefix(SHARD_BLOCKS_BY_ROOT, ShardRootKey.prefix(shard))) {
      return entries
          .filter(entry -> !skip.test(entry.key().root()))
          .map(entry -> decodeBlock(entry.value()))
          .toList();
    }
  }

  /** The roots of every finalized canonical block of this shard. */
  public Set<Bytes32> finalizedRootSet() {
    try (Stream<ColumnEntry<ShardSlotKey, Bytes32>> entries =
        kv.streamByPrefix(FINALIZED_SHARD_ROOTS_BY_SLOT, ShardRootKey.prefix(shard))) {
      return entries.map(ColumnEntry::value).collect(Collectors.toSet());
    }
  }

  private void deleteIn(KvStoreTransaction tx, List<SignedShardBlock> blocks) {
    for (SignedShardBlock block : blocks) {
      Bytes32 root = block.root();
      tx.delete(SHARD_BLOCKS_BY_ROOT, key(root));
      deleteState(tx, root);
      tx.delete(RECEIPTS_BY_BLOCK_ROOT, root);
      tx.delete(SENDERS_BY_BLOCK_ROOT, root);
      for (Bytes32 hash : BlockTransactions.hashes(block)) {
        // Another kept block may include the same transaction and have been indexed after this one.
        boolean indexedHere =
            transactionLocation(hash).map(at -> at.blockRoot().equals(root)).orElse(false);
        if (indexedHere) {
          tx.delete(TRANSACTION_LOCATIONS, hash);
        }
      }
    }
  }

  private void deleteState(KvStoreTransaction tx, Bytes32 root) {
    tx.delete(SHARD_STATES_BY_ROOT, key(root));
    tx.delete(SHARD_STATE_DELTAS_BY_ROOT, key(root));
  }

  private void indexTransactions(KvStoreTransaction tx, SignedShardBlock block) {
    Bytes32 root = block.root(); // a full hash tree root: once, not per transaction
    List<Bytes32> hashes = BlockTransactions.hashes(block);
    for (int i = 0; i < hashes.size(); i++) {
      tx.put(
          TRANSACTION_LOCATIONS, hashes.get(i), new TransactionLocation(shard, root, i).encode());
    }
  }

  private void forget(List<Bytes32> roots) {
    roots.forEach(
        root -> {
          states.remove(root);
          results.remove(root);
        });
  }

  private SignedShardBlock decodeBlock(Bytes stored) {
    try {
      return schemas.signedBlock().deserialize(stored);
    } catch (SszDecodingException | IllegalArgumentException e) {
      throw new CodecException("Stored shard block does not decode: " + e.getMessage(), e);
    }
  }

  private ShardRootKey key(Bytes32 root) {
    return new ShardRootKey(shard, root);
  }

  private UInt64 shardKey() {
    return UInt64.valueOf(shard.id());
  }

  private static <V> Map<Bytes32, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Bytes32, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
