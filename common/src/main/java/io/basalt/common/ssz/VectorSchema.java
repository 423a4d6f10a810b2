package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.view.VectorView;
import java.util.List;

/** {@code Vector[T, N]} with values as immutable {@link List}s of exactly N elements. */
public final class VectorSchema<T> implements SszSchema<List<T>>, CompositeSchema {

  private final Elements<T> elements;
  private final int length;
  private final int depth;

  public VectorSchema(SszSchema<T> element, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("Vector length must be positive: " + length);
    }
    this.elements = new Elements<>(element);
    this.length = length;
    this.depth = Trees.depthFor(elements.chunkCount(length));
  }

  public SszSchema<T> elementSchema() {
    return elements.schema();
  }

  public Elements<T> elements() {
    return elements;
  }

  public int length() {
    return length;
  }

  /** The schema of tree-backed views of this vector type, for large state fields. */
  public VectorView.Schema<T> view() {
    return new VectorView.Schema<>(this);
  }

  private void check(List<T> value) {
    if (value.size() != length) {
      throw new IllegalArgumentException(this + " got " + value.size() + " elements");
    }
  }

  @Override
  public boolean isFixedSize() {
    return elements.schema().isFixedSize();
  }

  @Override
  public int fixedSize() {
    return Math.multiplyExact(length, elements.schema().fixedSize());
  }

  @Override
  public void encode(List<T> value, SszWriter out) {
    check(value);
    elements.encode(value, out);
  }

  @Override
  public List<T> decode(byte[] data, int offset, int len) {
    return elements.decode(data, offset, len, length, length, this);
  }

  @Override
  public Node toTree(List<T> value) {
    check(value);
    return elements.dataTree(value, depth);
  }

  @Override
  public List<T> fromTree(Node node) {
    return elements.readAll(node, depth, length);
  }

  @Override
  public boolean hasLengthMixIn() {
    return false;
  }

  @Override
  public int dataDepth() {
    return depth;
  }

  @Override
  public PathStep step(Object pathElement) {
    long index = PathStep.index(pathElement, length, this);
    return new PathStep(elements.chunkOf(index), elements.isPacked() ? null : elements.schema());
  }

  @Override
  public String toString() {
    return "Vector[" + elements.schema() + ", " + length + "]";
  }
}
