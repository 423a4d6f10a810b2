package io.basalt.shard.chain;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.forkchoice.ShardForkChoice;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.store.InMemoryShardBlockStorage;
import io.basalt.shard.store.ShardBlockStorage;
import io.basalt.shard.store.ShardChainStore;
import io.basalt.shard.store.StagingNodeStore;
import io.basalt.shard.store.TransactionLocation;
import io.basalt.shard.transition.BeaconView;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardBlockException;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.shard.transition.ShardStateTransition;
import io.basalt.storage.KvStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One shard's chain on a node: imported blocks and the state after each, over a trie node store,
 * with the shard's fork choice. Blocks are validated by the {@link ShardStateTransition} before
 * they are kept. Thread-safe (one lock): the parallel executor imports blocks of different shards
 * into different chains at once.
 *
 * <p>Two modes. {@link #ShardChain(ShardState, NodeStore, ShardStateTransition) In memory} (the
 * simulator and tests): everything in maps, trie nodes written straight to the given node store.
 * {@link #open Persistent}: everything in the node's database through a {@link ShardChainStore}; an
 * import stages its trie nodes and commits them with the block, its state, receipts and transaction
 * index in one storage transaction, and a reopened chain resumes with the same blocks.
 */
public final class ShardChain {

  private final ShardId shard;
  private final NodeStore store;
  private final boolean stageTrieNodes;
  private final ShardStateTransition transition;
  private final ShardForkChoice forkChoice;
  private final ShardBlockStorage storage;
  private Bytes32 lastHead;
  // The last head returned that was imported: where sync resumes while the newest head is missing.
  private Bytes32 lastImportedHead;

  /** An in-memory chain whose trie nodes go to {@code store}. */
  public ShardChain(ShardState genesis, NodeStore store, ShardStateTransition transition) {
    this(
        genesis.shard(),
        store,
        false,
        transition,
        new ShardForkChoice(genesis.beaconBlockRoot()),
        new InMemoryShardBlockStorage(genesis));
  }

  private ShardChain(
      ShardId shard,
      NodeStore store,
      boolean stageTrieNodes,
      ShardStateTransition transition,
      ShardForkChoice forkChoice,
      ShardBlockStorage storage) {
    this.shard = shard;
    this.store = store;
    this.stageTrieNodes = stageTrieNodes;
    this.transition = transition;
    this.forkChoice = forkChoice;
    this.storage = storage;
    this.lastHead = forkChoice.anchor();
    this.lastImportedHead = lastHead;
  }

  /**
   * The persistent chain of {@code shard} in {@code kv}: loads the latest finalized block as the
   * fork choice's anchor and every stored block after it (parents first). {@code genesis} is the
   * shard's genesis state, whose trie nodes must already be in {@code kv} (create it with a {@link
   * KvNodeStore} over {@code kv}); it is not stored again.
   *
   * @throws IllegalArgumentException if {@code genesis} is of another shard
   * @throws io.basalt.storage.StorageException if the database fails or holds unreadable data
   */
  public static ShardChain open(
      ShardId shard, ShardState genesis, KvStore kv, ShardStateTransition transition) {
    if (!genesis.shard().equals(shard)) {
      throw new IllegalArgumentException(
          "Genesis state of shard " + genesis.shard() + " for the chain of shard " + shard);
    }
    ShardChainStore chainStore =
        new ShardChainStore(kv, transition.schemas(), genesis, ShardChainStore.DEFAULT_STATE_CACHE);
    ShardForkChoice forkChoice = ShardChainLoader.load(chainStore, genesis);
    return new ShardChain(shard, new KvNodeStore(kv), true, transition, forkChoice, chainStore);
  }

  public ShardId shard() {
    return shard;
  }

  /** Where the account tries live; a producer building on this chain writes its nodes here. */
  public NodeStore nodeStore() {
    return store;
  }

  /**
   * Validates {@code block} on its parent's state and keeps it if valid.
   *
   * @throws io.basalt.storage.StorageException if a persistent chain cannot write the block; then
   *     nothing of it is stored or known and it may be imported again
   */
  public ShardImport importBlock(
      SignedShardBlock block,
      BeaconView beacon,
      BlsSignatureVerifier verifier,
      SenderRecoverer recoverer) {
    Bytes32 root = block.root();
    Bytes32 parentRoot = block.message().header().parentRoot();
    ShardState parent;
    synchronized (this) {
      if (forkChoice.contains(root) || storage.block(root).isPresent()) {
        return new ShardImport.AlreadyKnown();
      }
      parent = forkChoice.contains(parentRoot) ? storage.state(parentRoot).orElse(null) : null;
    }
    if (parent == null) {
      return new ShardImport.UnknownParent();
    }
    NodeStore target = stageTrieNodes ? new StagingNodeStore(store) : store;
    ShardBlockResult result;
    try {
      result = transition.apply(parent, block, beacon, target, verifier, recoverer);
    } catch (ShardBlockException e) {
      return new ShardImport.Invalid(e.reason(), e.getMessage());
    }
    synchronized (this) {
      if (!forkChoice.contains(parentRoot)) {
        return new ShardImport.UnknownParent(); // pruned by a finalization meanwhile
      }
      keep(block, result, target);
    }
    return new ShardImport.Imported(result);
  }

  /** Keeps a block this node produced (valid by construction; its trie nodes are in the store). */
  public synchronized void addProduced(SignedShardBlock block, ShardBlockResult result) {
    keep(block, result, store);
  }

  private void keep(SignedShardBlock block, ShardBlockResult result, NodeStore target) {
    Bytes32 root = block.root();
    if (forkChoice.contains(root)) {
      return;
    }
    storage.put(
        block, result, target instanceof StagingNodeStore staging ? staging.staged() : Map.of());
    var header = block.message().header();
    forkChoice.onBlock(root, header.parentRoot(), header.slot(), header.beaconBlockRoot());
  }

  /** Records a committee member's {@code shard_head_root} vote. */
  public synchronized void onVote(ValidatorIndex validator, Bytes32 shardHeadRoot, Slot slot) {
    forkChoice.onVote(validator, shardHeadRoot, slot);
  }

  /** Whether {@code root} is in the fork choice: imported (or the anchor) and not pruned. */
  public synchronized boolean knows(Bytes32 root) {
    return forkChoice.contains(root);
  }

  /**
   * Changes whenever the fork choice's blocks, votes or anchor do; see {@link
   * ShardForkChoice#version}.
   */
  public synchronized long forkChoiceVersion() {
    return forkChoice.version();
  }

  /** The head from the beacon head's crosslink of this shard; see {@link ShardForkChoice#head}. */
  public synchronized Bytes32 head(
      Bytes32 crosslinked,
      Predicate<Bytes32> canonicalBeacon,
      ToLongFunction<ValidatorIndex> weight) {
    lastHead = forkChoice.head(crosslinked, canonicalBeacon, weight);
    if (forkChoice.contains(lastHead)) {
      lastImportedHead = lastHead;
    }
    return lastHead;
  }

  /**
   * The slot of the head {@link #head} last returned: what a status message reports, and where
   * range sync resumes. While that head is not imported (the block the beacon head crosslinks is
   * still on its way), the slot of the last returned head that was, so one missing block does not
   * send sync back to the finalized anchor; the anchor's when neither is in the fork choice (before
   * any call, or after a reorg or finalization dropped it).
   */
  public synchronized Slot headSlot() {
    return forkChoice
        .slot(lastHead)
        .or(() -> forkChoice.slot(lastImportedHead))
        .orElseGet(this::finalizedSlot);
  }

  /**
   * Forgets blocks built on beacon blocks that left the canonical chain, with descendants, and
   * deletes them from storage; returns them oldest first. The finalized anchor is never dropped.
   */
  public synchronized List<SignedShardBlock> dropOffCanonical(Predicate<Bytes32> canonicalBeacon) {
    List<SignedShardBlock> dropped =
        new ArrayList<>(blocks(forkChoice.dropOffCanonical(canonicalBeacon)));
    dropped.sort(Comparator.comparing(block -> block.message().header().slot()));
    storage.delete(dropped);
    return dropped;
  }

  /**
   * Finalizes the shard block {@code finalizedRoot} (the crosslink in the finalized beacon state):
   * it becomes the fork choice's anchor; blocks that do not descend from it are deleted with their
   * states, receipts and index entries; the canonical blocks up to it are indexed by slot and keep
   * their receipts and transaction locations, but only its state is kept. Returns false, changing
   * nothing, when the block is not imported (yet) or is already the anchor.
   */
  public synchronized boolean onFinalized(Bytes32 finalizedRoot) {
    Bytes32 previous = forkChoice.anchor();
    if (finalizedRoot.equals(previous) || !forkChoice.contains(finalizedRoot)) {
      return false;
    }
    List<Bytes32> path = new ArrayList<>();
    for (Bytes32 r = finalizedRoot; !r.equals(previous); r = forkChoice.parent(r).orElseThrow()) {
      path.add(r);
    }
    Collections.reverse(path);
    List<SignedShardBlock> newlyFinalized = blocks(path);
    List<Bytes32> pruned = new ArrayList<>(forkChoice.nonDescendants(finalizedRoot));
    pruned.removeAll(path);
    pruned.remove(previous);
    storage.finalize(previous, newlyFinalized, blocks(pruned));
    forkChoice.pruneTo(finalizedRoot);
    return true;
  }

  /**
   * Frees the outbox receipts to each destination {@code d} below {@code delivered.get(d)}: those
   * the destination's finalized state has taken in (see {@link ShardBlockStorage#pruneOutboxes}).
   */
  public synchronized void pruneOutboxes(List<Long> delivered) {
    storage.pruneOutboxes(delivered);
  }

  /**
   * The canonical blocks with {@code start <= slot < start + count} on the chain ending at {@code
   * headRoot}, oldest first (for {@code shard_blocks_by_range}): walks back from the head through
   * unfinalized blocks and reads finalized ones from the slot index. Empty if {@code headRoot} is
   * not a known unfinalized block or the anchor, or {@code count <= 0}.
   */
  public synchronized List<SignedShardBlock> canonicalBlocksByRange(
      Bytes32 headRoot, Slot start, int count) {
    if (count <= 0 || !forkChoice.contains(headRoot)) {
      return List.of();
    }
    // A peer may ask for any start: clamp the end instead of overflowing.
    UInt64 last = UInt64.MAX_VALUE.minus(count);
    Slot end = start.value().isGreaterThan(last) ? new Slot(UInt64.MAX_VALUE) : start.plus(count);
    List<Bytes32> hot = new ArrayList<>();
    Bytes32 anchor = forkChoice.anchor();
    for (Bytes32 r = headRoot; !r.equals(anchor); r = forkChoice.parent(r).orElseThrow()) {
      Slot slot = forkChoice.slot(r).orElseThrow();
      if (slot.isBefore(start)) {
        break;
      }
      if (slot.isBefore(end)) {
        hot.add(r);
      }
    }
    Collections.reverse(hot);
    Slot anchorSlot = forkChoice.slot(anchor).orElseThrow();
    List<Bytes32> roots = new ArrayList<>();
    if (!anchorSlot.isBefore(start)) {
      Slot finalizedEnd = end.isBefore(anchorSlot.increment()) ? end : anchorSlot.increment();
      roots.addAll(storage.finalizedRoots(start, finalizedEnd));
    }
    roots.addAll(hot);
    return blocks(roots);
  }

  public synchronized Optional<ShardState> stateAfter(Bytes32 root) {
    return storage.state(root);
  }

  public synchronized Optional<SignedShardBlock> block(Bytes32 root) {
    return storage.block(root);
  }

  /** See {@link ShardBlockStorage#result}: recent blocks only on a persistent chain. */
  public synchronized Optional<ShardBlockResult> result(Bytes32 root) {
    return storage.result(root);
  }

  public synchronized Optional<List<Address>> senders(Bytes32 root) {
    return storage.senders(root);
  }

  public synchronized Optional<List<Receipt>> receipts(Bytes32 root) {
    return storage.receipts(root);
  }

  public synchronized Optional<TransactionLocation> transactionLocation(Bytes32 txHash) {
    return storage.transactionLocation(txHash);
  }

  public synchronized Optional<ShardOutbox> outboxAfter(Bytes32 root) {
    return storage.state(root).map(ShardState::outbox);
  }

  /**
   * The blocks a head moving from {@code from} to {@code to} leaves behind: those on the branch
   * from {@code from} back to, not including, its latest ancestor shared with {@code to}, oldest
   * first. Empty when {@code from} is an ancestor of {@code to}, or either is not in the fork
   * choice.
   */
  public synchronized List<SignedShardBlock> abandonedBy(Bytes32 from, Bytes32 to) {
    if (!forkChoice.contains(from) || !forkChoice.contains(to)) {
      return List.of();
    }
    Set<Bytes32> kept = new HashSet<>();
    for (Bytes32 r = to;
        r != null && forkChoice.contains(r);
        r = forkChoice.parent(r).orElse(null)) {
      kept.add(r);
    }
    List<Bytes32> left = new ArrayList<>();
    for (Bytes32 r = from;
        r != null && forkChoice.contains(r) && !kept.contains(r);
        r = forkChoice.parent(r).orElse(null)) {
      left.add(r);
    }
    Collections.reverse(left);
    return blocks(left);
  }

  /** The slot of the latest finalized block (the fork choice's anchor). */
  public synchronized Slot finalizedSlot() {
    return forkChoice.slot(forkChoice.anchor()).orElseThrow();
  }

  /** The latest finalized block: the fork choice's anchor ({@link Bytes32#ZERO} at genesis). */
  public synchronized Bytes32 finalizedRoot() {
    return forkChoice.anchor();
  }

  /** Blocks in the fork choice after the anchor (imported and not finalized or dropped). */
  public synchronized int blockCount() {
    return forkChoice.size() - 1;
  }

  private List<SignedShardBlock> blocks(List<Bytes32> roots) {
    List<SignedShardBlock> found = new ArrayList<>(roots.size());
    for (Bytes32 root : roots) {
      storage.block(root).ifPresent(found::add);
    }
    return found;
  }
}
