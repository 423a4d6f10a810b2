package io.basalt.common.ssz.tree;

/** Bit arithmetic on generalized indices shared by the tree and the proof code. */
public final class GIndex {

  private GIndex() {}

  /** The depth of {@code gindex} below the root (the root 1 has depth 0). */
  public static int depth(long gindex) {
    if (gindex < 1) {
      throw new IllegalArgumentException("Generalized index must be >= 1: " + gindex);
    }
    return 63 - Long.numberOfLeadingZeros(gindex);
  }

  /**
   * The generalized index of the {@code index}-th node at {@code depth}: {@code 2^depth + index}.
   */
  public static long atDepth(int depth, long index) {
    if (depth < 0 || depth > 62) {
      throw new IllegalArgumentException("Tree depth out of range 0..62: " + depth);
    }
    if (index < 0 || index >= (1L << depth)) {
      throw new IllegalArgumentException(
          "Index " + index + " does not fit a tree of depth " + depth);
    }
    return (1L << depth) | index;
  }
}
