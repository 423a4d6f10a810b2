package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.consensus.forkchoice.ForkChoiceException.Kind;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The block tree of LMD-GHOST as a flat array in insertion (topological) order, after Lighthouse's
 * and Teku's proto-array. Each node caches its subtree weight, its best child and its best
 * descendant, so the head is one lookup after {@link #applyScoreChanges} has walked the array
 * backwards once.
 *
 * <p><b>Viability</b> (consensus-specs phase0 {@code filter_block_tree}, current text with the
 * two-epoch leniency): a block may be head when
 *
 * <ul>
 *   <li>the store's justified epoch is the genesis epoch, or the block's justified epoch equals it,
 *       or the block's justified epoch + 2 &ge; the current epoch; and
 *   <li>the store's finalized epoch is the genesis epoch, or the block's ancestor at the finalized
 *       epoch's start slot is the finalized root.
 * </ul>
 *
 * The block's voting source is the justified checkpoint of its post-state (realized justification);
 * unrealized justification is not tracked. As in Lighthouse and Teku, a subtree is eligible when
 * any block in it is viable, which the spec narrows to viable leaves.
 *
 * <p>Not thread-safe: owned by {@link ForkChoice}, which confines it to one thread.
 */
public final class ProtoArray {

  /** Default number of finalized-away nodes tolerated before {@link #maybePrune} compacts. */
  public static final int DEFAULT_PRUNE_THRESHOLD = 256;

  private final int slotsPerEpoch;
  private final int pruneThreshold;
  private final List<ProtoNode> nodes = new ArrayList<>();
  private final Map<Bytes32, Integer> indices = new HashMap<>();
  private Checkpoint justified;
  private Checkpoint finalized;
  private Epoch currentEpoch = Epoch.ZERO;
  private ProposerBoost previousBoost = ProposerBoost.NONE;

  /**
   * @param slotsPerEpoch to find the start slot of the finalized epoch
   * @param pruneThreshold prune only once the finalized node's index reaches this
   * @param justified the store's justified checkpoint at creation
   * @param finalized the store's finalized checkpoint at creation
   */
  public ProtoArray(
      int slotsPerEpoch, int pruneThreshold, Checkpoint justified, Checkpoint finalized) {
    if (slotsPerEpoch <= 0 || pruneThreshold < 0) {
      throw new IllegalArgumentException("slotsPerEpoch must be > 0 and pruneThreshold >= 0");
    }
    this.slotsPerEpoch = slotsPerEpoch;
    this.pruneThreshold = pruneThreshold;
    this.justified = justified;
    this.finalized = finalized;
  }

  public int size() {
    return nodes.size();
  }

  public boolean contains(Bytes32 root) {
    return indices.containsKey(root);
  }

  /** The array index of a block, or {@code -1} when it is not present. */
  public int indexOf(Bytes32 root) {
    Integer index = indices.get(root);
    return index == null ? ProtoNode.NONE : index;
  }

  public Optional<ProtoNode> node(Bytes32 root) {
    Integer index = indices.get(root);
    return index == null ? Optional.empty() : Optional.of(nodes.get(index));
  }

  /** The node at an array index. */
  public ProtoNode nodeAt(int index) {
    return nodes.get(index);
  }

  /**
   * Inserts a block after its parent; a block already present is left as it is. A parent that is
   * absent makes the block a root of the tree (the anchor); {@link ForkChoice} refuses such blocks
   * before they get here.
   */
  public void onBlock(
      Slot slot,
      Bytes32 root,
      Optional<Bytes32> parentRoot,
      Optional<Bytes32> stateRoot,
      Checkpoint justifiedCheckpoint,
      Checkpoint finalizedCheckpoint) {
    if (indices.containsKey(root)) {
      return;
    }
    int parent = parentRoot.map(this::indexOf).orElse(ProtoNode.NONE);
    ProtoNode node =
        new ProtoNode(slot, root, parent, stateRoot, justifiedCheckpoint, finalizedCheckpoint);
    int index = nodes.size();
    nodes.add(node);
    indices.put(root, index);
    node.agreesWithFinalized = computeAgreesWithFinalized(node, finalizedStartSlot());
    if (parent != ProtoNode.NONE) {
      maybeUpdateBestChildAndDescendant(parent, index);
    }
  }

  /**
   * Adds each node's delta (and moves the proposer boost) to its weight and its ancestors' weights,
   * then recomputes every best child and best descendant. Both passes walk the array backwards, so
   * a node is final before its parent reads it.
   *
   * @param deltas weight change per node index, from {@link VoteDeltas}; consumed (overwritten)
   * @param justifiedCheckpoint the store's justified checkpoint, for viability
   * @param finalizedCheckpoint the store's finalized checkpoint, for viability
   * @param epoch the store's current epoch, for the justification leniency
   * @param boost the proposer boost to apply now; the previous call's boost is withdrawn
   */
  public void applyScoreChanges(
      long[] deltas,
      Checkpoint justifiedCheckpoint,
      Checkpoint finalizedCheckpoint,
      Epoch epoch,
      ProposerBoost boost)
      throws ForkChoiceException {
    if (deltas.length != nodes.size()) {
      throw new ForkChoiceException(
          Kind.DELTAS_LENGTH_MISMATCH, deltas.length + " deltas for " + nodes.size() + " nodes");
    }
    boolean finalizedChanged = !finalizedCheckpoint.equals(finalized);
    this.justified = justifiedCheckpoint;
    this.finalized = finalizedCheckpoint;
    this.currentEpoch = epoch;
    if (finalizedChanged) {
      refreshFinalizedAgreement();
    }
    long previousScore = previousBoost.score().value().longValue();
    long newScore = boost.score().value().longValue();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      ProtoNode node = nodes.get(i);
      long delta = deltas[i];
      if (previousBoost.boosts(node.root())) {
        delta -= previousScore;
      }
      if (boost.boosts(node.root())) {
        delta += newScore;
      }
      long weight = node.weight + delta;
      if (weight < 0) {
        throw new ForkChoiceException(
            Kind.WEIGHT_UNDERFLOW, "weight of " + node.root() + " would become " + weight);
      }
      node.weight = weight;
      if (node.parent != ProtoNode.NONE) {
        deltas[node.parent] += delta;
      }
    }
    previousBoost = boost;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      int parent = nodes.get(i).parent;
      if (parent != ProtoNode.NONE) {
        maybeUpdateBestChildAndDescendant(parent, i);
      }
    }
  }

  /**
   * The head: the best descendant of the justified block, or the block itself.
   *
   * @throws ForkChoiceException if the justified block is unknown or no viable head lies under it
   */
  public Bytes32 findHead(Bytes32 justifiedRoot) throws ForkChoiceException {
    Integer justifiedIndex = indices.get(justifiedRoot);
    if (justifiedIndex == null) {
      throw new ForkChoiceException(Kind.UNKNOWN_JUSTIFIED_ROOT, justifiedRoot.toHexString());
    }
    ProtoNode justifiedNode = nodes.get(justifiedIndex);
    ProtoNode best =
        justifiedNode.bestDescendant == ProtoNode.NONE
            ? justifiedNode
            : nodes.get(justifiedNode.bestDescendant);
    if (!isViableForHead(best)) {
      throw new ForkChoiceException(
          Kind.HEAD_NOT_VIABLE,
          "best block "
              + best.root()
              + " under justified "
              + justifiedRoot
              + " disagrees with justified "
              + justified
              + " / finalized "
              + finalized);
    }
    return best.root();
  }

  /**
   * Drops the nodes inserted before the finalized block once there are at least the prune threshold
   * of them. The finalized block becomes index 0; nodes left whose parent was dropped become roots
   * (they cannot be head: they do not descend from the finalized block).
   *
   * @return whether anything was dropped
   * @throws ForkChoiceException if the finalized block is unknown
   */
  public boolean maybePrune(Bytes32 finalizedRoot) throws ForkChoiceException {
    Integer finalizedIndex = indices.get(finalizedRoot);
    if (finalizedIndex == null) {
      throw new ForkChoiceException(Kind.UNKNOWN_FINALIZED_ROOT, finalizedRoot.toHexString());
    }
    if (finalizedIndex < pruneThreshold || finalizedIndex == 0) {
      return false;
    }
    int cut = finalizedIndex;
    for (int i = 0; i < cut; i++) {
      indices.remove(nodes.get(i).root());
    }
    nodes.subList(0, cut).clear();
    for (int i = 0; i < nodes.size(); i++) {
      ProtoNode node = nodes.get(i);
      indices.put(node.root(), i);
      node.parent = node.parent < cut ? ProtoNode.NONE : node.parent - cut;
      // Best links point forward, so they survive the cut.
      node.bestChild = node.bestChild == ProtoNode.NONE ? ProtoNode.NONE : node.bestChild - cut;
      node.bestDescendant =
          node.bestDescendant == ProtoNode.NONE ? ProtoNode.NONE : node.bestDescendant - cut;
    }
    return true;
  }

  /** Whether {@code descendantRoot} is {@code ancestorRoot} or lies under it. */
  public boolean isDescendant(Bytes32 ancestorRoot, Bytes32 descendantRoot) {
    Integer ancestor = indices.get(ancestorRoot);
    if (ancestor == null || !indices.containsKey(descendantRoot)) {
      return false;
    }
    Slot ancestorSlot = nodes.get(ancestor).slot();
    return ancestorAtSlot(descendantRoot, ancestorSlot).map(ancestorRoot::equals).orElse(false);
  }

  /**
   * The block of {@code root}'s chain at {@code slot}: the latest ancestor (or the block itself)
   * whose slot is at or before it (spec {@code get_ancestor}). Empty when the block is unknown or
   * the chain is pruned before that slot.
   */
  public Optional<Bytes32> ancestorAtSlot(Bytes32 root, Slot slot) {
    Integer index = indices.get(root);
    if (index == null) {
      return Optional.empty();
    }
    ProtoNode node = nodes.get(index);
    while (node.slot().isAfter(slot)) {
      if (node.parent == ProtoNode.NONE) {
        return Optional.empty();
      }
      node = nodes.get(node.parent);
    }
    return Optional.of(node.root());
  }

  /** Spec {@code filter_block_tree}'s test for one block (see the class comment). */
  public boolean isViableForHead(ProtoNode node) {
    return correctJustified(node) && correctFinalized(node);
  }

  private boolean correctJustified(ProtoNode node) {
    Epoch storeEpoch = justified.epoch();
    Epoch voting = node.justifiedCheckpoint().epoch();
    return storeEpoch.equals(Epoch.ZERO)
        || voting.equals(storeEpoch)
        || !voting.plus(2).isBefore(currentEpoch);
  }

  private boolean correctFinalized(ProtoNode node) {
    return finalized.epoch().equals(Epoch.ZERO) || node.agreesWithFinalized;
  }

  private boolean leadsToViableHead(ProtoNode node) {
    if (node.bestDescendant != ProtoNode.NONE && isViableForHead(nodes.get(node.bestDescendant))) {
      return true;
    }
    return isViableForHead(node);
  }

  /**
   * Makes {@code child} the parent's best child when it leads to a viable head and is heavier than
   * the current best child, ties going to the greater root (spec {@code get_head}: {@code
   * max(children, key=(weight, root))}), or the current one no longer leads anywhere viable.
   *
   * <p>Unlike Lighthouse, a child that leads to no viable head never becomes best child, so after
   * {@link #applyScoreChanges} a best descendant is always viable and "leads to a viable head"
   * means "has a viable block in its subtree". (Lighthouse lets the heavier of two non-viable
   * children become best, which can hide a viable block further down; the property test against
   * naive GHOST found that.) A best child met before it is processed in the backward pass may be
   * stale, but only ever too pessimistic, and it is settled when its own turn comes.
   */
  private void maybeUpdateBestChildAndDescendant(int parentIndex, int childIndex) {
    ProtoNode parent = nodes.get(parentIndex);
    ProtoNode child = nodes.get(childIndex);
    if (!leadsToViableHead(child)) {
      if (parent.bestChild == childIndex) {
        parent.bestChild = ProtoNode.NONE;
        parent.bestDescendant = ProtoNode.NONE;
      }
      return;
    }
    if (parent.bestChild == childIndex || parent.bestChild == ProtoNode.NONE) {
      setBest(parent, childIndex, child);
      return;
    }
    ProtoNode best = nodes.get(parent.bestChild);
    if (!leadsToViableHead(best)
        || child.weight > best.weight
        || (child.weight == best.weight && compareRoots(child.root(), best.root()) >= 0)) {
      setBest(parent, childIndex, child);
    }
  }

  private static void setBest(ProtoNode parent, int childIndex, ProtoNode child) {
    parent.bestChild = childIndex;
    parent.bestDescendant =
        child.bestDescendant == ProtoNode.NONE ? childIndex : child.bestDescendant;
  }

  /** Roots compare as unsigned big-endian numbers, as the spec compares {@code Root} values. */
  static int compareRoots(Bytes32 a, Bytes32 b) {
    return Arrays.compareUnsigned(a.toArrayUnsafe(), b.toArrayUnsafe());
  }

  private Slot finalizedStartSlot() {
    return new Slot(finalized.epoch().value().times(slotsPerEpoch));
  }

  /** One forward pass: a parent is settled before its children. */
  private void refreshFinalizedAgreement() {
    Slot startSlot = finalizedStartSlot();
    for (ProtoNode node : nodes) {
      node.agreesWithFinalized = computeAgreesWithFinalized(node, startSlot);
    }
  }

  /**
   * Spec {@code get_checkpoint_block(store, root, finalized.epoch) == finalized.root}: a block at
   * or before the start slot is its own checkpoint block; a later one inherits its parent's answer.
   */
  private boolean computeAgreesWithFinalized(ProtoNode node, Slot startSlot) {
    if (!node.slot().isAfter(startSlot)) {
      return node.root().equals(finalized.root());
    }
    return node.parent != ProtoNode.NONE && nodes.get(node.parent).agreesWithFinalized;
  }
}
