package io.basalt.shard.chain;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.forkchoice.ShardForkChoice;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.BeaconView;
import io.basalt.shard.transition.SenderRecoverer;
import io.basalt.shard.transition.ShardBlockException;
import io.basalt.shard.transition.ShardBlockResult;
import io.basalt.shard.transition.ShardStateTransition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One shard's chain on a node: imported blocks and the state after each, over a shared trie node
 * store, with the shard's fork choice. Blocks are validated by the {@link ShardStateTransition}
 * before they are kept. Thread-safe (one lock): the parallel executor imports blocks of different
 * shards into different chains at once.
 */
public final class ShardChain {

  private final ShardId shard;
  private final NodeStore store;
  private final ShardStateTransition transition;
  private final ShardForkChoice forkChoice;
  private final Map<Bytes32, ShardState> states = new HashMap<>();
  private final Map<Bytes32, SignedShardBlock> blocks = new HashMap<>();
  private final Map<Bytes32, ShardBlockResult> results = new HashMap<>();

  public ShardChain(ShardState genesis, NodeStore store, ShardStateTransition transition) {
    this.shard = genesis.shard();
    this.store = store;
    this.transition = transition;
    this.forkChoice = new ShardForkChoice(genesis.beaconBlockRoot());
    states.put(Bytes32.ZERO, genesis);
  }

  public ShardId shard() {
    return shard;
  }

  public NodeStore nodeStore() {
    return store;
  }

  /** Validates {@code block} on its parent's state and keeps it if valid. */
  public ShardImport importBlock(
      SignedShardBlock block,
      BeaconView beacon,
      BlsSignatureVerifier verifier,
      SenderRecoverer recoverer) {
    Bytes32 root = block.root();
    ShardState parent;
    synchronized (this) {
      if (states.containsKey(root)) {
        return new ShardImport.AlreadyKnown();
      }
      parent = states.get(block.message().header().parentRoot());
    }
    if (parent == null) {
      return new ShardImport.UnknownParent();
    }
    ShardBlockResult result;
    try {
      result = transition.apply(parent, block, beacon, store, verifier, recoverer);
    } catch (ShardBlockException e) {
      return new ShardImport.Invalid(e.reason(), e.getMessage());
    }
    synchronized (this) {
      keep(block, result);
    }
    return new ShardImport.Imported(result);
  }

  /** Keeps a block this node produced (valid by construction). */
  public synchronized void addProduced(SignedShardBlock block, ShardBlockResult result) {
    keep(block, result);
  }

  private void keep(SignedShardBlock block, ShardBlockResult result) {
    Bytes32 root = block.root();
    if (states.putIfAbsent(root, result.state()) != null) {
      return;
    }
    blocks.put(root, block);
    results.put(root, result);
    var header = block.message().header();
    forkChoice.onBlock(root, header.parentRoot(), header.slot(), header.beaconBlockRoot());
  }

  /** Records a committee member's {@code shard_head_root} vote. */
  public synchronized void onVote(ValidatorIndex validator, Bytes32 shardHeadRoot, Slot slot) {
    forkChoice.onVote(validator, shardHeadRoot, slot);
  }

  /** The head from the beacon head's crosslink of this shard; see {@link ShardForkChoice#head}. */
  public synchronized Bytes32 head(
      Bytes32 crosslinked,
      Predicate<Bytes32> canonicalBeacon,
      ToLongFunction<ValidatorIndex> weight) {
    return forkChoice.head(crosslinked, canonicalBeacon, weight);
  }

  /** Forgets blocks built on beacon blocks that left the canonical chain, with descendants. */
  public synchronized List<SignedShardBlock> dropOffCanonical(Predicate<Bytes32> canonicalBeacon) {
    List<Bytes32> dropped = forkChoice.dropOffCanonical(canonicalBeacon);
    List<SignedShardBlock> droppedBlocks =
        dropped.stream().map(blocks::get).filter(Objects::nonNull).toList();
    dropped.forEach(
        root -> {
          states.remove(root);
          blocks.remove(root);
          results.remove(root);
        });
    return droppedBlocks;
  }

  public synchronized Optional<ShardState> stateAfter(Bytes32 root) {
    return Optional.ofNullable(states.get(root));
  }

  public synchronized Optional<SignedShardBlock> block(Bytes32 root) {
    return Optional.ofNullable(blocks.get(root));
  }

  public synchronized Optional<ShardBlockResult> result(Bytes32 root) {
    return Optional.ofNullable(results.get(root));
  }

  public synchronized Optional<ShardOutbox> outboxAfter(Bytes32 root) {
    return Optional.ofNullable(states.get(root)).map(ShardState::outbox);
  }

  public synchronized int blockCount() {
    return blocks.size();
  }
}
