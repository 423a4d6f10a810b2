package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Checkpoint;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One block in the {@link ProtoArray}. Links are indices into the array ({@code -1} for none): the
 * parent always has a lower index than the child, and the best child and best descendant a higher
 * one.
 *
 * <p>Only {@link ProtoArray} mutates a node; everyone else sees the getters.
 */
public final class ProtoNode {

  static final int NONE = -1;

  private final Slot slot;
  private final Bytes32 root;
  private final Optional<Bytes32> stateRoot;
  private final Checkpoint justified;
  private final Checkpoint finalized;
  int parent;
  int bestChild = NONE;
  int bestDescendant = NONE;

  /** Gwei of the votes (and boost) for this block and its descendants. */
  long weight;

  /** Whether this block's chain holds the store's finalized checkpoint block (see ProtoArray). */
  boolean agreesWithFinalized;

  ProtoNode(
      Slot slot,
      Bytes32 root,
      int parent,
      Optional<Bytes32> stateRoot,
      Checkpoint justified,
      Checkpoint finalized) {
    this.slot = slot;
    this.root = root;
    this.parent = parent;
    this.stateRoot = stateRoot;
    this.justified = justified;
    this.finalized = finalized;
  }

  public Slot slot() {
    return slot;
  }

  public Bytes32 root() {
    return root;
  }

  public Optional<Bytes32> stateRoot() {
    return stateRoot;
  }

  /** The justified checkpoint of this block's post-state. */
  public Checkpoint justifiedCheckpoint() {
    return justified;
  }

  /** The finalized checkpoint of this block's post-state. */
  public Checkpoint finalizedCheckpoint() {
    return finalized;
  }

  public Gwei weight() {
    return Gwei.of(weight);
  }

  /** The parent's index in the array, if the parent is present. */
  public Optional<Integer> parentIndex() {
    return parent == NONE ? Optional.empty() : Optional.of(parent);
  }

  public Optional<Integer> bestChildIndex() {
    return bestChild == NONE ? Optional.empty() : Optional.of(bestChild);
  }

  public Optional<Integer> bestDescendantIndex() {
    return bestDescendant == NONE ? Optional.empty() : Optional.of(bestDescendant);
  }

  @Override
  public String toString() {
    return "ProtoNode[slot=" + slot + ", root=" + root + ", weight=" + weight + "]";
  }
}
