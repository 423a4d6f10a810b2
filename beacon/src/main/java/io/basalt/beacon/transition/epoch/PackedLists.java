package io.basalt.beacon.transition.epoch;

import io.basalt.common.ssz.BasicSchema;
import io.basalt.common.ssz.tree.BranchNode;
import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.tree.ZeroNodes;
import io.basalt.common.ssz.view.ListView;

/**
 * Bulk reads and writes of the packed per-validator lists (balances, inactivity scores,
 * participation flags) for epoch processing, which touches most of their elements every epoch.
 *
 * <p>Reads walk the data tree once, left to right. Writes rebuild the data tree bottom-up from a
 * primitive array instead of a million root-to-leaf {@code set}s, and keep every old subtree whose
 * chunks did not change: a kept subtree keeps its cached hash, so re-hashing the state costs only
 * the chunks that really changed (inactivity scores, for instance, are mostly zero and stay so).
 */
final class PackedLists {

  private static final int UINT64_PER_CHUNK = 4;

  private PackedLists() {}

  /** The elements of a {@code List[uint64, N]} (or a typed uint64 such as Gwei) as bit patterns. */
  static long[] readUInt64s(ListView<?> list) {
    requireElementBytes(list, Long.BYTES);
    int size = Math.toIntExact(list.size());
    byte[] packed = Trees.unpack(list.root().left(), list.schema().dataDepth(), size * Long.BYTES);
    long[] values = new long[size];
    for (int i = 0; i < size; i++) {
      values[i] = readLong(packed, i * Long.BYTES);
    }
    return values;
  }

  /** The elements of a {@code List[uint8, N]} as bytes (participation flags). */
  static byte[] readUInt8s(ListView<?> list) {
    requireElementBytes(list, 1);
    int size = Math.toIntExact(list.size());
    return Trees.unpack(list.root().left(), list.schema().dataDepth(), size);
  }

  /**
   * {@code list} with its elements replaced by {@code values} (same length), rebuilt bottom-up;
   * subtrees whose chunks are unchanged are the old nodes, hashes included.
   */
  static <T> ListView<T> withUInt64s(ListView<T> list, long[] values) {
    requireElementBytes(list, Long.BYTES);
    if (values.length != list.size()) {
      throw new IllegalArgumentException(
          values.length + " values for a list of " + list.size() + " elements");
    }
    long chunks = (values.length + UINT64_PER_CHUNK - 1) / UINT64_PER_CHUNK;
    Node data = rebuild(list.root().left(), list.schema().dataDepth(), 0, chunks, values);
    if (data == list.root().left()) {
      return list;
    }
    return ListView.fromTree(list.schema(), Trees.mixInLength(data, values.length));
  }

  /** A list of {@code size} zero elements: its data tree is the shared zero subtree. */
  static <T> ListView<T> zeros(ListView<T> like, long size) {
    int depth = like.schema().dataDepth();
    return ListView.fromTree(like.schema(), Trees.mixInLength(ZeroNodes.ofDepth(depth), size));
  }

  private static Node rebuild(Node old, int depth, long firstChunk, long chunks, long[] values) {
    if (firstChunk >= chunks) {
      return old; // past the data: zero padding, unchanged
    }
    if (depth == 0) {
      return sameChunk(old.hashBytes(), firstChunk, values) ? old : leaf(firstChunk, values);
    }
    Node left = rebuild(old.left(), depth - 1, firstChunk, chunks, values);
    Node right = rebuild(old.right(), depth - 1, firstChunk + (1L << (depth - 1)), chunks, values);
    return left == old.left() && right == old.right() ? old : new BranchNode(left, right);
  }

  private static boolean sameChunk(byte[] chunk, long chunkIndex, long[] values) {
    int first = Math.toIntExact(chunkIndex * UINT64_PER_CHUNK);
    for (int k = 0; k < UINT64_PER_CHUNK; k++) {
      long value = first + k < values.length ? values[first + k] : 0;
      if (readLong(chunk, k * Long.BYTES) != value) {
        return false;
      }
    }
    return true;
  }

  private static LeafNode leaf(long chunkIndex, long[] values) {
    byte[] chunk = new byte[32];
    int first = Math.toIntExact(chunkIndex * UINT64_PER_CHUNK);
    for (int k = 0; k < UINT64_PER_CHUNK && first + k < values.length; k++) {
      long v = values[first + k];
      for (int b = 0; b < Long.BYTES; b++) {
        chunk[k * Long.BYTES + b] = (byte) (v >>> (8 * b));
      }
    }
    return LeafNode.of(chunk);
  }

  private static long readLong(byte[] bytes, int offset) {
    long v = 0;
    for (int b = 7; b >= 0; b--) {
      v = (v << 8) | (bytes[offset + b] & 0xFF);
    }
    return v;
  }

  private static void requireElementBytes(ListView<?> list, int bytes) {
    if (!(list.schema().elementSchema() instanceof BasicSchema<?> basic)
        || basic.byteSize() != bytes) {
      throw new IllegalArgumentException(
          list.schema() + " is not a list of " + bytes + "-byte uints");
    }
  }
}
