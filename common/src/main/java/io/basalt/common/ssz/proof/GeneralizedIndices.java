package io.basalt.common.ssz.proof;

import io.basalt.common.ssz.CompositeSchema;
import io.basalt.common.ssz.PathStep;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.tree.GIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generalized indices (consensus-specs {@code ssz/merkle-proofs.md}): the root is 1 and the
 * children of {@code g} are {@code 2g} and {@code 2g+1}. Held in a {@code long}; paths deeper than
 * 62 levels are rejected with {@link ArithmeticException}.
 */
public final class GeneralizedIndices {

  /** The path element that selects a list's length chunk. */
  public static final String LENGTH = "__len__";

  private GeneralizedIndices() {}

  /**
   * spec: get_generalized_index. Path elements are field names for containers, indices for vectors,
   * lists, bitfields and byte lists, and {@link #LENGTH} for a list's length.
   */
  public static long forPath(SszSchema<?> type, Object... path) {
    long root = 1;
    SszSchema<?> current = type;
    for (Object element : path) {
      if (!(current instanceof CompositeSchema composite)) {
        throw new IllegalArgumentException(
            "Path continues past basic type " + current + " at " + element);
      }
      if (LENGTH.equals(element)) {
        if (!composite.hasLengthMixIn()) {
          throw new IllegalArgumentException(current + " has no length");
        }
        root = Math.addExact(Math.multiplyExact(root, 2), 1);
        current = null;
        continue;
      }
      PathStep step = composite.step(element);
      long base = composite.hasLengthMixIn() ? 2 : 1;
      int depth = composite.dataDepth();
      if (depth > 62) {
        throw new ArithmeticException("Tree too deep for a long gindex");
      }
      root =
          Math.addExact(
              Math.multiplyExact(Math.multiplyExact(root, base), 1L << depth), step.chunkIndex());
      current = step.schema();
    }
    return root;
  }

  /** spec: concat_generalized_indices. */
  public static long concat(long... indices) {
    long out = 1;
    for (long index : indices) {
      int depth = GIndex.depth(index);
      long shifted = out << depth;
      if (shifted >>> depth != out || shifted < 0) {
        throw new ArithmeticException("Concatenated generalized index overflows a long");
      }
      out = shifted | (index ^ (1L << depth));
    }
    return out;
  }

  /** spec: get_generalized_index_length (depth below the root). */
  public static int length(long index) {
    return GIndex.depth(index);
  }

  /** spec: get_generalized_index_bit. */
  public static boolean bit(long index, int position) {
    return (index & (1L << position)) != 0;
  }

  /** spec: generalized_index_sibling. */
  public static long sibling(long index) {
    GIndex.depth(index);
    return index ^ 1;
  }

  /** spec: generalized_index_child. */
  public static long child(long index, boolean rightSide) {
    GIndex.depth(index);
    if (index > (Long.MAX_VALUE - 1) / 2) {
      throw new ArithmeticException("Child of " + index + " overflows a long");
    }
    return index * 2 + (rightSide ? 1 : 0);
  }

  /** spec: generalized_index_parent. */
  public static long parent(long index) {
    GIndex.depth(index);
    return index / 2;
  }

  /** spec: get_branch_indices — the siblings on the path from {@code index} up to the root. */
  public static List<Long> branchIndices(long index) {
    List<Long> out = new ArrayList<>();
    out.add(sibling(index));
    while (out.get(out.size() - 1) > 1) {
      out.add(sibling(parent(out.get(out.size() - 1))));
    }
    return out.subList(0, out.size() - 1);
  }

  /** spec: get_path_indices — {@code index} and its ancestors, excluding the root. */
  public static List<Long> pathIndices(long index) {
    List<Long> out = new ArrayList<>();
    out.add(index);
    while (out.get(out.size() - 1) > 1) {
      out.add(parent(out.get(out.size() - 1)));
    }
    return out.subList(0, out.size() - 1);
  }

  /**
   * spec: get_helper_indices — the nodes a multiproof for {@code indices} must supply, in
   * decreasing order.
   */
  public static List<Long> helperIndices(List<Long> indices) {
    Set<Long> branches = new TreeSet<>();
    Set<Long> paths = new TreeSet<>();
    for (long index : indices) {
      branches.addAll(branchIndices(index));
      paths.addAll(pathIndices(index));
    }
    branches.removeAll(paths);
    List<Long> out = new ArrayList<>(branches);
    out.sort(Comparator.reverseOrder());
    return out;
  }
}
