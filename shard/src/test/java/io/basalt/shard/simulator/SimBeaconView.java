package io.basalt.shard.simulator;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.simulator.SimNode;
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
 * The beacon chain as one simulated node sees it: post-states from the node's state regenerator,
 * ancestry from its chain store's block summaries, and the canonical chain (its fork-choice head
 * and that block's ancestors), recomputed when the head moves.
 */
final class SimBeaconView implements BeaconView {

  private final SimNode node;
  private final BeaconStateAccessors accessors;
  private Bytes32 canonicalHead;
  private Map<Bytes32, Slot> canonical = Map.of();
  // Canonical blocks at or before the finalized checkpoint: they stay canonical even once the
  // store prunes their summaries.
  private final Set<Bytes32> settled = new HashSet<>();

  SimBeaconView(SimNode node, BeaconStateAccessors accessors) {
    this.node = node;
    this.accessors = accessors;
  }

  @Override
  public Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
    return node.findStateAt(root, slot);
  }

  @Override
  public boolean isAncestorOrSelf(Bytes32 ancestor, Bytes32 descendant) {
    ChainStore store = node.store();
    Optional<BlockSummary> target = store.summary(ancestor);
    if (target.isEmpty()) {
      // Pruned: only a finalized block, an ancestor of every block the store still holds.
      return settled.contains(ancestor) && store.contains(descendant);
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
  boolean moveHead(Bytes32 head) {
    if (head.equals(canonicalHead)) {
      return false;
    }
    Slot finalized =
        accessors.misc().computeStartSlotAtEpoch(node.store().finalizedCheckpoint().epoch());
    canonical.forEach(
        (root, slot) -> {
          if (!slot.isAfter(finalized)) {
            settled.add(root);
          }
        });
    Map<Bytes32, Slot> chain = new HashMap<>();
    Optional<BlockSummary> cursor = node.store().summary(head);
    while (cursor.isPresent()
        && chain.putIfAbsent(cursor.get().root(), cursor.get().slot()) == null) {
      cursor = node.store().summary(cursor.get().parentRoot());
    }
    canonicalHead = head;
    canonical = chain;
    return true;
  }

  /** Whether the beacon block {@code root} is on the node's canonical chain. */
  boolean isCanonical(Bytes32 root) {
    return canonical.containsKey(root) || settled.contains(root);
  }
}
