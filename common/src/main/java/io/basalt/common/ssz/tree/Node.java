package io.basalt.common.ssz.tree;

import org.apache.tuweni.bytes.Bytes32;

/**
 * An immutable node of an SSZ Merkle tree: either a 32-byte {@link LeafNode} chunk or a {@link
 * BranchNode} with two children. Nodes never change, so any number of trees may share a subtree; an
 * update builds new nodes only on the root-to-leaf path it touches.
 *
 * <p>Positions are generalized indices: the root is 1 and the children of {@code g} are {@code 2g}
 * and {@code 2g+1}. They are held in a {@code long}, enough for trees 62 levels deep.
 */
public abstract sealed class Node permits LeafNode, BranchNode {

  Node() {}

  /**
   * The 32-byte hash of this subtree (for a leaf, the chunk itself). The array is shared and must
   * not be modified by callers.
   */
  public abstract byte[] hashBytes();

  /** The hash of this subtree as an immutable {@link Bytes32}. */
  public Bytes32 hash() {
    return Bytes32.wrap(hashBytes());
  }

  public abstract boolean isLeaf();

  /** The left child; throws {@link IllegalStateException} on a leaf. */
  public abstract Node left();

  /** The right child; throws {@link IllegalStateException} on a leaf. */
  public abstract Node right();

  /** The node at generalized index {@code gindex} below this one (1 is this node). */
  public Node get(long gindex) {
    int depth = GIndex.depth(gindex);
    Node node = this;
    for (int level = depth - 1; level >= 0; level--) {
      node = ((gindex >>> level) & 1) == 0 ? node.left() : node.right();
    }
    return node;
  }

  /**
   * A new tree equal to this one except that the subtree at {@code gindex} is {@code replacement}.
   * Only the nodes on the path from the root to {@code gindex} are new; every other subtree is
   * shared with this tree.
   */
  public Node updated(long gindex, Node replacement) {
    int depth = GIndex.depth(gindex);
    Node[] path = new Node[depth];
    Node node = this;
    for (int level = depth - 1; level >= 0; level--) {
      path[level] = node;
      node = ((gindex >>> level) & 1) == 0 ? node.left() : node.right();
    }
    Node result = replacement;
    for (int level = 0; level < depth; level++) {
      Node parent = path[level];
      result =
          ((gindex >>> level) & 1) == 0
              ? new BranchNode(result, parent.right())
              : new BranchNode(parent.left(), result);
    }
    return result;
  }
}
