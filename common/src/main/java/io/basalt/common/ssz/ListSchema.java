package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.view.ListView;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code List[T, N]} with values as immutable {@link List}s of at most N elements; the tree is the
 * data tree (depth from the limit) under a length mix-in.
 */
public final class ListSchema<T> implements SszSchema<List<T>>, CompositeSchema {

  private final Elements<T> elements;
  private final long limit;
  private final int depth;

  public ListSchema(SszSchema<T> element, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("List limit must not be negative: " + limit);
    }
    this.elements = new Elements<>(element);
    this.limit = limit;
    this.depth = Trees.depthFor(elements.chunkCount(limit));
  }

  public SszSchema<T> elementSchema() {
    return elements.schema();
  }

  public Elements<T> elements() {
    return elements;
  }

  public long limit() {
    return limit;
  }

  /** The schema of tree-backed views of this list type, for large state fields. */
  public ListView.Schema<T> view() {
    return new ListView.Schema<>(this);
  }

  private void check(List<T> value) {
    if (value.size() > limit) {
      throw new IllegalArgumentException(this + " got " + value.size() + " elements");
    }
  }

  @Override
  public boolean isFixedSize() {
    return false;
  }

  @Override
  public int fixedSize() {
    throw new UnsupportedOperationException("List is variable-size");
  }

  @Override
  public void encode(List<T> value, SszWriter out) {
    check(value);
    elements.encode(value, out);
  }

  @Override
  public List<T> decode(byte[] data, int offset, int length) {
    return elements.decode(data, offset, length, -1, limit, this);
  }

  @Override
  public Node toTree(List<T> value) {
    check(value);
    return Trees.mixInLength(elements.dataTree(value, depth), value.size());
  }

  /**
   * For composite elements, from the elements' roots without building the list's tree (each
   * element's root comes from its own schema, which may skip its tree too).
   */
  @Override
  public Bytes32 hashTreeRoot(List<T> value) {
    if (elements.isPacked()) {
      return SszSchema.super.hashTreeRoot(value);
    }
    check(value);
    byte[] level = new byte[(value.size() + 1) * 32];
    for (int i = 0; i < value.size(); i++) {
      Bytes32 root = elements.schema().hashTreeRoot(value.get(i));
      System.arraycopy(root.toArrayUnsafe(), 0, level, 32 * i, 32);
    }
    byte[] dataRoot = Trees.rootOfChunks(level, value.size(), depth);
    return Bytes32.wrap(Trees.mixInLength(dataRoot, value.size()));
  }

  @Override
  public List<T> fromTree(Node node) {
    long size = Trees.readLength(node.right());
    if (size > limit) {
      throw new IllegalArgumentException("Tree length " + size + " over limit " + limit);
    }
    return elements.readAll(node.left(), depth, (int) size);
  }

  @Override
  public boolean hasLengthMixIn() {
    return true;
  }

  @Override
  public int dataDepth() {
    return depth;
  }

  @Override
  public PathStep step(Object pathElement) {
    long index = PathStep.index(pathElement, limit, this);
    return new PathStep(elements.chunkOf(index), elements.isPacked() ? null : elements.schema());
  }

  @Override
  public String toString() {
    return "List[" + elements.schema() + ", " + limit + "]";
  }
}
