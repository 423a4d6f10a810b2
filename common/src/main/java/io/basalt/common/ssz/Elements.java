package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.GIndex;
import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the elements of a vector or list live in its data tree: basic elements packed several to a
 * chunk, composite elements one subtree each. Shared by the value schemas and the tree-backed
 * views.
 */
public final class Elements<T> {

  private final SszSchema<T> schema;
  private final BasicSchema<T> basic;

  Elements(SszSchema<T> schema) {
    this.schema = schema;
    this.basic = schema instanceof BasicSchema<T> b ? b : null;
  }

  public SszSchema<T> schema() {
    return schema;
  }

  /** Whether elements are basic and so packed into shared chunks. */
  public boolean isPacked() {
    return basic != null;
  }

  /** Chunks needed by {@code count} elements. */
  public long chunkCount(long count) {
    if (basic == null) {
      return count;
    }
    return (Math.multiplyHigh(count, basic.byteSize()) != 0)
        ? Long.MAX_VALUE
        : (count * basic.byteSize() + 31) / 32;
  }

  /** The chunk that holds element {@code i}. */
  public long chunkOf(long i) {
    return basic == null ? i : i * basic.byteSize() / 32;
  }

  /** A data tree of {@code depth} levels holding {@code values}, built bottom-up. */
  public Node dataTree(List<T> values, int depth) {
    if (basic == null) {
      List<Node> nodes = new ArrayList<>(values.size());
      for (T value : values) {
        nodes.add(schema.toTree(value));
      }
      return Trees.fromNodes(nodes, depth);
    }
    int size = basic.byteSize();
    byte[] packed = new byte[values.size() * size];
    for (int i = 0; i < values.size(); i++) {
      basic.write(values.get(i), packed, i * size);
    }
    return Trees.packed(packed, depth);
  }

  /** Element {@code i} of a data tree of {@code depth} levels. */
  public T get(Node data, int depth, long i) {
    Node node = data.get(GIndex.atDepth(depth, chunkOf(i)));
    if (basic == null) {
      return schema.fromTree(node);
    }
    return basic.read(node.hashBytes(), (int) (i * basic.byteSize() % 32));
  }

  /** A new data tree with element {@code i} replaced; shares every other subtree. */
  public Node set(Node data, int depth, long i, T value) {
    long gindex = GIndex.atDepth(depth, chunkOf(i));
    if (basic == null) {
      return data.updated(gindex, schema.toTree(value));
    }
    byte[] chunk = data.get(gindex).hashBytes().clone();
    basic.write(value, chunk, (int) (i * basic.byteSize() % 32));
    return data.updated(gindex, LeafNode.of(chunk));
  }

  /** The first {@code count} elements of a data tree, in order. */
  public List<T> readAll(Node data, int depth, int count) {
    List<T> out = new ArrayList<>(count);
    if (basic == null) {
      for (Node node : Trees.firstNodes(data, depth, count)) {
        out.add(schema.fromTree(node));
      }
    } else {
      int size = basic.byteSize();
      byte[] packed = Trees.unpack(data, depth, count * size);
      for (int i = 0; i < count; i++) {
        out.add(basic.read(packed, i * size));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Appends the elements' encoding. */
  public void encode(List<T> values, SszWriter out) {
    if (schema.isFixedSize()) {
      for (T value : values) {
        schema.encode(value, out);
      }
    } else {
      SequenceCodec.encode(Collections.nCopies(values.size(), schema), values, out);
    }
  }

  /**
   * Decodes elements from exactly {@code length} bytes: exactly {@code exactCount} of them when it
   * is not negative, else at most {@code maxCount}.
   */
  public List<T> decode(
      byte[] data, int offset, int length, long exactCount, long maxCount, Object type) {
    List<T> values;
    if (schema.isFixedSize()) {
      int size = schema.fixedSize();
      if (size == 0 || length % size != 0) {
        throw new SszDecodingException(
            type + ": " + length + " bytes is not a multiple of the element size " + size);
      }
      long count = length / size;
      checkCount(count, exactCount, maxCount, type);
      values = new ArrayList<>((int) count);
      for (int i = 0; i < count; i++) {
        values.add(schema.decode(data, offset + i * size, size));
      }
    } else {
      values =
          SequenceCodec.decodeVariableElements(
              schema, data, offset, length, exactCount >= 0 ? exactCount : maxCount, type);
      checkCount(values.size(), exactCount, maxCount, type);
    }
    return Collections.unmodifiableList(values);
  }

  private static void checkCount(long count, long exactCount, long maxCount, Object type) {
    if (exactCount >= 0 && count != exactCount) {
      throw new SszDecodingException(
          type + " needs exactly " + exactCount + " elements, got " + count);
    }
    if (count > maxCount) {
      throw new SszDecodingException(
          type + " has " + count + " elements, more than its limit " + maxCount);
    }
  }
}
