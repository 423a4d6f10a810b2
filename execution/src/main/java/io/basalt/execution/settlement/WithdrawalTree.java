package io.basalt.execution.settlement;

import io.basalt.common.crypto.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The binary Keccak Merkle tree of a batch's withdrawals. For {@code n} leaves the tree has the
 * minimal depth {@code d} with {@code 2^d >= n} (0 for one leaf), the leaves padded with zero words
 * to {@code 2^d}; an inner node is {@code keccak256(left ‖ right)}; and the count is mixed in:
 *
 * <pre>
 * withdrawalsRoot = keccak256(treeRoot ‖ uint256(n))     (an empty tree has treeRoot = 0)
 * </pre>
 *
 * Because the count is committed, a proof must have exactly {@code d} siblings: a longer path (a
 * leaf posing as an inner node) or a shorter one is refused, as is an index {@code >= n}. Leaves
 * (96-byte preimages) and inner nodes (64-byte preimages) cannot be confused.
 */
public final class WithdrawalTree {

  /** At most 2^32 withdrawals per batch, so at most 32 siblings. */
  public static final int MAX_DEPTH = 32;

  private WithdrawalTree() {}

  /** The minimal depth for {@code count} leaves. */
  public static int depth(long count) {
    return count <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(count - 1);
  }

  /** The {@code withdrawalsRoot} over {@code leaves}. */
  public static Bytes32 root(List<Bytes32> leaves) {
    List<Bytes32> level = padded(leaves);
    while (level.size() > 1) {
      level = parents(level);
    }
    Bytes32 treeRoot = leaves.isEmpty() ? Bytes32.ZERO : level.get(0);
    return mixInCount(treeRoot, leaves.size());
  }

  /** The siblings of leaf {@code index}, bottom up. */
  public static List<Bytes32> proof(List<Bytes32> leaves, int index) {
    if (index < 0 || index >= leaves.size()) {
      throw new IllegalArgumentException("leaf " + index + " of " + leaves.size());
    }
    List<Bytes32> siblings = new ArrayList<>();
    List<Bytes32> level = padded(leaves);
    int i = index;
    while (level.size() > 1) {
      siblings.add(level.get(i ^ 1));
      level = parents(level);
      i >>= 1;
    }
    return siblings;
  }

  /**
   * Checks that {@code leaf} is leaf {@code leafIndex} of a tree of {@code leafCount} leaves with
   * root {@code withdrawalsRoot}; returns why not, or empty if it is.
   */
  public static Optional<String> verify(
      Bytes32 withdrawalsRoot,
      Bytes32 leaf,
      long leafIndex,
      long leafCount,
      List<Bytes32> siblings) {
    if (leafCount <= 0 || leafCount > (1L << MAX_DEPTH)) {
      return Optional.of("leaf count " + Long.toUnsignedString(leafCount) + " is out of range");
    }
    if (leafIndex < 0 || leafIndex >= leafCount) {
      return Optional.of(
          "leaf index "
              + Long.toUnsignedString(leafIndex)
              + " is out of range for "
              + leafCount
              + " leaves");
    }
    int depth = depth(leafCount);
    if (siblings.size() != depth) {
      return Optional.of(
          "proof is "
              + (siblings.size() > depth ? "longer" : "shorter")
              + " than the tree: "
              + siblings.size()
              + " siblings, but "
              + leafCount
              + " leaves have depth "
              + depth);
    }
    Bytes32 node = leaf;
    long index = leafIndex;
    for (Bytes32 sibling : siblings) {
      node = (index & 1) == 0 ? hash(node, sibling) : hash(sibling, node);
      index >>= 1;
    }
    if (!mixInCount(node, leafCount).equals(withdrawalsRoot)) {
      return Optional.of("withdrawal proof does not match the batch's withdrawalsRoot");
    }
    return Optional.empty();
  }

  private static List<Bytes32> padded(List<Bytes32> leaves) {
    int width = 1 << depth(leaves.size());
    List<Bytes32> level = new ArrayList<>(leaves);
    while (level.size() < width) {
      level.add(Bytes32.ZERO);
    }
    return level;
  }

  private static List<Bytes32> parents(List<Bytes32> level) {
    List<Bytes32> up = new ArrayList<>(level.size() / 2);
    for (int i = 0; i < level.size(); i += 2) {
      up.add(hash(level.get(i), level.get(i + 1)));
    }
    return up;
  }

  private static Bytes32 hash(Bytes32 left, Bytes32 right) {
    return Hash.keccak256(Bytes.concatenate(left, right));
  }

  private static Bytes32 mixInCount(Bytes32 treeRoot, long count) {
    return hash(treeRoot, Uint.word(count));
  }
}
