package io.basalt.common.ssz.tree;

import io.basalt.common.crypto.Hash;

/**
 * The all-zero subtrees, one per depth, with their hashes precomputed. Trees pad unused positions
 * with these shared instances, so a list with limit 2^40 costs memory only for its used part.
 */
public final class ZeroNodes {

  /** Deepest zero subtree kept; deeper trees are not addressable by a {@code long} gindex. */
  public static final int MAX_DEPTH = 64;

  private static final Node[] ZEROS = new Node[MAX_DEPTH + 1];

  static {
    ZEROS[0] = LeafNode.wrap(new byte[32]);
    for (int d = 1; d <= MAX_DEPTH; d++) {
      Node below = ZEROS[d - 1];
      ZEROS[d] = new BranchNode(below, below, Hash.sha256(below.hashBytes(), below.hashBytes()));
    }
  }

  private ZeroNodes() {}

  /** The zero subtree of {@code depth} levels (depth 0 is the zero chunk). */
  public static Node ofDepth(int depth) {
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("Zero subtree depth out of range: " + depth);
    }
    return ZEROS[depth];
  }
}
