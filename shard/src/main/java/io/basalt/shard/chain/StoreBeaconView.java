package io.basalt.shard.chain;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import io.basalt.shard.transition.BeaconView;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The beacon chain as a node sees it: post-states from its state source (the state regenerator
 * advancing through empty slots), ancestry from its chain store's block summaries, and the
 * canonical chain (its fork-choice head and that block's ancestors), recomputed when the head
 * moves. Finalized blocks the store no longer keeps as hot are canonical by its finalized index, so
 * the view is right after a restart too. Not thread-safe: the owner's thread uses it.
 */
public final class StoreBeaconView implements BeaconView {

  /** Post-states of known blocks advanced to a slot. */
  @FunctionalInterface
  public interface StateSource {
    Optional<BeaconState> stateAt(Bytes32 root, Slot slot);
  }

  private final ChainStore store;
  private final StateSource states;
  private final BeaconStateAccessors accessors;
  private Bytes32 canonicalHead;
  private Map<Bytes32, Slot> canonical = Map.of();
  // Canonical blocks at or before the finalized checkpoint: they stay canonical even once the
  // store prunes their summaries.
  private final Set<Bytes32> settled = new HashSet<>();

  public StoreBeaconView(ChainStore store, StateSource states, BeaconStateAccessors accessors) {
    this.store = store;
    this.states = states;
    this.accessors = accessors;
  }

  @Override
  public Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
    return states.stateAt(root, slot);
  }

  @Override
  public boolean isAncestorOrSelf(Bytes32 ancestor, Bytes32 descendant) {
    if (ancestor.equals(descendant)) {
      return true; // even when pruned: a node syncing shards imports blocks anchored long ago
    }
    Optional<BlockSummary> target = store.summary(ancestor);
    if (target.isEmpty()) {
      // Pruned: only a finalized block, an ancestor of every block the store still holds and of
      // every later finalized block.
      return isFinalized(ancestor)
          && (store.contains(descendant) || isLaterFinalized(descendant, ancestor));
    }
    Optional<BlockSummary> cursor = store.summary(descendant);
    while (cursor.isPresent() && cursor.get().slot().isAfter(target.get().slot())) {
      cursor = store.summary(cursor.get().parentRoot());
    }
    return cursor.isPresent() && cursor.get().root().equals(ancestor);
  }

  /**
   * Moves the canonical chain to {@code head}; returns whether it moved. The chain holds every
   * block from the head down to the oldest the store keeps, and every block once canonical at or
   * before the finalized checkpoint.
   */
  public boolean moveHead(Bytes32 head) {
    if (head.equals(canonicalHead)) {
      return false;
    }
    Slot finalized = accessors.misc().computeStartSlotAtEpoch(store.finalizedCheckpoint().epoch());
    canonical.forEach(
        (root, slot) -> {
          if (!slot.isAfter(finalized)) {
            settled.add(root);
          }
        });
    Map<Bytes32, Slot> chain = new HashMap<>();
    Optional<BlockSummary> cursor = store.summary(head);
    while (cursor.isPresent()
        && chain.putIfAbsent(cursor.get().root(), cursor.get().slot()) == null) {
      cursor = store.summary(cursor.get().parentRoot());
    }
    canonicalHead = head;
    canonical = chain;
    return true;
  }

  /** The head {@link #moveHead} last moved the canonical chain to. */
  public Bytes32 canonicalHead() {
    return canonicalHead;
  }

  /** Whether the beacon block {@code root} is on the node's canonical chain. */
  public boolean isCanonical(Bytes32 root) {
    return canonical.containsKey(root) || isFinalized(root);
  }

  /** Whether {@code root} is a finalized block at a later slot than the block {@code than}. */
  private boolean isLaterFinalized(Bytes32 root, Bytes32 than) {
    Optional<Slot> slot = store.block(root).map(block -> block.message().slot());
    Optional<Slot> earlier = store.block(than).map(block -> block.message().slot());
    return slot.isPresent()
        && earlier.isPresent()
        && slot.get().isAfter(earlier.get())
        && isFinalized(root);
  }

  /** Whether {@code root} is a block of the finalized chain (pruned from the hot blocks or not). */
  private boolean isFinalized(Bytes32 root) {
    if (settled.contains(root)) {
      return true;
    }
    return store
        .block(root)
        .map(block -> block.message().slot())
        .flatMap(store::finalizedRootAtSlot)
        .filter(root::equals)
        .isPresent();
  }
}
