package io.basalt.beacon.chain.store;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Post-states of known blocks: from the {@link HotStateCache}, else regenerated from the nearest
 * ancestor whose state is cached or stored (the first block of each epoch, the finalized anchor) by
 * replaying the blocks in between with signature checks off (they were verified on import). A
 * replay is at most about one epoch of blocks. Regenerated states are cached.
 *
 * <p>Thread-safe: the store and the cache are; two threads may regenerate the same state at once,
 * which wastes work but gives equal results.
 */
public final class StateRegenerator {

  private final ChainStore store;
  private final HotStateCache cache;
  private final ChainStateTransition transition;

  public StateRegenerator(ChainStore store, HotStateCache cache, ChainStateTransition transition) {
    this.store = store;
    this.cache = cache;
    this.transition = transition;
  }

  /**
   * The post-state of block {@code blockRoot}; empty when the block is unknown or not on the
   * finalized chain. A finalized block's state is replayed from the nearest stored checkpoint state
   * (what a node syncing shards needs for blocks anchored before the finalized checkpoint).
   *
   * @throws BlockTransitionException if replaying a stored block fails (a corrupt database)
   */
  public Optional<BeaconState> stateOf(Bytes32 blockRoot) throws BlockTransitionException {
    Optional<BeaconState> cached = cache.get(blockRoot);
    if (cached.isPresent()) {
      return cached;
    }
    Deque<Bytes32> replay = new ArrayDeque<>();
    Bytes32 root = blockRoot;
    BeaconState base;
    while (true) {
      Optional<BeaconState> known = cache.get(root).or(storedState(root));
      if (known.isPresent()) {
        base = known.get();
        break;
      }
      Optional<BlockSummary> summary = store.summary(root);
      if (summary.isEmpty()) {
        Optional<BeaconState> finalized = finalizedStateOf(root);
        if (finalized.isEmpty()) {
          return Optional.empty();
        }
        base = finalized.get();
        break;
      }
      replay.push(root);
      root = summary.get().parentRoot();
    }
    BeaconState state = base;
    while (!replay.isEmpty()) {
      Bytes32 next = replay.pop();
      BeaconBlock block =
          store
              .block(next)
              .orElseThrow(() -> new BlockTransitionException("Block " + next + " is not stored"))
              .message();
      state = transition.advanceTo(state, block.slot());
      state = transition.processBlock(state, block, BlsSignatureVerifier.noOp());
      cache.put(next, state);
    }
    return Optional.of(state);
  }

  /** The state after finalized block {@code root}, replayed from the checkpoint state before it. */
  private Optional<BeaconState> finalizedStateOf(Bytes32 root) throws BlockTransitionException {
    Optional<Slot> slot = store.block(root).map(block -> block.message().slot());
    if (slot.isEmpty() || !store.finalizedRootAtSlot(slot.get()).equals(Optional.of(root))) {
      return Optional.empty();
    }
    Optional<BeaconState> base = store.finalizedStateAtOrBefore(slot.get());
    if (base.isEmpty()) {
      return Optional.empty();
    }
    BeaconState state = base.get();
    for (Slot next = state.slot().plus(1); !next.isAfter(slot.get()); next = next.plus(1)) {
      Optional<Bytes32> blockRoot = store.finalizedRootAtSlot(next);
      if (blockRoot.isEmpty()) {
        continue;
      }
      BeaconBlock block = store.block(blockRoot.get()).orElseThrow().message();
      state = transition.advanceTo(state, block.slot());
      state = transition.processBlock(state, block, BlsSignatureVerifier.noOp());
    }
    cache.put(root, state);
    return Optional.of(state);
  }

  private java.util.function.Supplier<Optional<BeaconState>> storedState(Bytes32 root) {
    return () -> store.storedState(root);
  }

  /** Records a freshly imported block's post-state. */
  public void cache(Bytes32 blockRoot, BeaconState state) {
    cache.put(blockRoot, state);
  }

  /** Forgets pruned blocks' states. */
  public void forget(Iterable<Bytes32> roots) {
    roots.forEach(cache::remove);
  }
}
