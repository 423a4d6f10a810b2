package io.basalt.common.ssz.tree;

import io.basalt.common.crypto.Hash;
import java.util.Arrays;
import java.util.List;

/** Builders for SSZ Merkle trees: bottom-up construction, byte packing and length mix-in. */
public final class Trees {

  private Trees() {}

  /** {@code ceil(log2(n))}, with 0 for n <= 1: the depth of a tree holding {@code n} chunks. */
  public static int depthFor(long n) {
    return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1);
  }

  /**
   * A tree of {@code depth} levels whose first leaves are {@code nodes}, the rest zero subtrees.
   * Built level by level in O(n) so that a million elements are not inserted one by one.
   */
  public static Node fromNodes(List<? extends Node> nodes, int depth) {
    if (nodes.size() > 0 && depth < 63 && nodes.size() > (1L << depth)) {
      throw new IllegalArgumentException(
          nodes.size() + " nodes do not fit a tree of depth " + depth);
    }
    if (nodes.isEmpty()) {
      return ZeroNodes.ofDepth(depth);
    }
    Node[] level = nodes.toArray(new Node[0]);
    int count = level.length;
    for (int d = 0; d < depth; d++) {
      int parents = (count + 1) / 2;
      for (int i = 0; i < parents; i++) {
        Node left = level[2 * i];
        Node right = 2 * i + 1 < count ? level[2 * i + 1] : ZeroNodes.ofDepth(d);
        level[i] = new BranchNode(left, right);
      }
      count = parents;
    }
    return level[0];
  }

  /** Leaves of {@code data} split into 32-byte chunks, the last one zero-padded. */
  public static Node[] chunks(byte[] data) {
    int count = (data.length + 31) / 32;
    Node[] leaves = new Node[count];
    for (int i = 0; i < count; i++) {
      leaves[i] = LeafNode.of(data, i * 32, Math.min(32, data.length - i * 32));
    }
    return leaves;
  }

  /** A tree of {@code depth} levels holding {@code data} packed into chunks. */
  public static Node packed(byte[] data, int depth) {
    return fromNodes(List.of(chunks(data)), depth);
  }

  /**
   * The root of {@link #packed packed(data, depth)}, hashed in one buffer without building the
   * tree's nodes.
   */
  public static byte[] packedRoot(byte[] data, int depth) {
    int count = (data.length + 31) / 32;
    return rootOfChunks(Arrays.copyOf(data, (count + 1) * 32), count, depth);
  }

  /**
   * The root of a tree of {@code depth} levels whose first leaves are the {@code count} 32-byte
   * chunks at the start of {@code level}, the rest zero subtrees, hashed level by level in {@code
   * level} itself (which it overwrites; it must have room for {@code count + 1} chunks).
   */
  public static byte[] rootOfChunks(byte[] level, int count, int depth) {
    if (count == 0) {
      return ZeroNodes.ofDepth(depth).hashBytes().clone();
    }
    for (int d = 0; d < depth; d++) {
      if (count % 2 == 1) {
        System.arraycopy(ZeroNodes.ofDepth(d).hashBytes(), 0, level, count * 32, 32);
      }
      int parents = (count + 1) / 2;
      for (int i = 0; i < parents; i++) {
        Hash.sha256(level, 64 * i, 64, level, 32 * i);
      }
      count = parents;
    }
    return Arrays.copyOf(level, 32);
  }

  /** The root {@link #mixInLength} gives a data tree whose root is {@code dataRoot}. */
  public static byte[] mixInLength(byte[] dataRoot, long length) {
    return Hash.sha256(dataRoot, lengthLeaf(length).hashBytes());
  }

  /** {@code mix_in_length}: a branch of the data tree and the little-endian length chunk. */
  public static Node mixInLength(Node data, long length) {
    return new BranchNode(data, lengthLeaf(length));
  }

  /** The chunk holding {@code length} as a little-endian uint64. */
  public static LeafNode lengthLeaf(long length) {
    byte[] chunk = new byte[32];
    for (int i = 0; i < 8; i++) {
      chunk[i] = (byte) (length >>> (8 * i));
    }
    return LeafNode.wrap(chunk);
  }

  /** Reads the uint64 length held by a length chunk made by {@link #lengthLeaf}. */
  public static long readLength(Node lengthLeaf) {
    byte[] chunk = lengthLeaf.hashBytes();
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (chunk[i] & 0xFF);
    }
    return v;
  }

  /** Reads {@code length} bytes packed into the first leaves of a tree of {@code depth} levels. */
  public static byte[] unpack(Node root, int depth, int length) {
    byte[] out = new byte[length];
    Node[] leaves = firstNodes(root, depth, (length + 31) / 32);
    for (int i = 0; i < leaves.length; i++) {
      System.arraycopy(leaves[i].hashBytes(), 0, out, i * 32, Math.min(32, length - i * 32));
    }
    return out;
  }

  /**
   * The first {@code count} nodes at {@code depth} levels below {@code root}, left to right, found
   * in one depth-first walk: O(count + depth) node visits instead of one root-to-leaf descent per
   * node, which matters when reading a million-element list.
   */
  public static Node[] firstNodes(Node root, int depth, int count) {
    Node[] out = new Node[count];
    collect(root, depth, out, 0);
    return out;
  }

  private static int collect(Node node, int depth, Node[] out, int next) {
    if (next >= out.length) {
      return next;
    }
    if (depth == 0) {
      out[next] = node;
      return next + 1;
    }
    int afterLeft = collect(node.left(), depth - 1, out, next);
    return collect(node.right(), depth - 1, out, afterLeft);
  }
}
