package io.basalt.shard.simulator;

import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.simulator.SimNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import io.basalt.shard.transition.BeaconView;
import java.util.HashSet;
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
  private Bytes32 canonicalHead;
  private Set<Bytes32> canonical = Set.of();

  SimBeaconView(SimNode node) {
    this.node = node;
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
      return false;
    }
    Optional<BlockSummary> cursor = store.summary(descendant);
    while (cursor.isPresent() && cursor.get().slot().isAfter(target.get().slot())) {
      cursor = store.summary(cursor.get().parentRoot());
    }
    return cursor.isPresent() && cursor.get().root().equals(ancestor);
  }

  /**
   * Moves the canonical chain to {@code head}; returns whether it moved. The set holds every block
   * from the head down to the oldest the store keeps.
   */
  boolean moveHead(Bytes32 head) {
    if (head.equals(canonicalHead)) {
      return false;
    }
    Set<Bytes32> chain = new HashSet<>();
    Optional<BlockSummary> cursor = node.store().summary(head);
    while (cursor.isPresent() && chain.add(cursor.get().root())) {
      cursor = node.store().summary(cursor.get().parentRoot());
    }
    canonicalHead = head;
    canonical = chain;
    return true;
  }

  /** Whether the beacon block {@code root} is on the node's canonical chain. */
  boolean isCanonical(Bytes32 root) {
    return canonical.contains(root);
  }
}
