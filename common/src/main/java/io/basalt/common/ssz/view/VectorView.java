package io.basalt.common.ssz.view;

import io.basalt.common.ssz.CompositeSchema;
import io.basalt.common.ssz.PathStep;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszWriter;
import io.basalt.common.ssz.VectorSchema;
import io.basalt.common.ssz.tree.Node;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An immutable, tree-backed {@code Vector[T, N]} (e.g. block roots, randao mixes): {@link #set}
 * returns a new view sharing every untouched subtree; {@link #hashTreeRoot()} is cached in the
 * tree. Thread-safe: views never change.
 */
public final class VectorView<T> {

  private final VectorSchema<T> schema;
  private final Node root;

  private VectorView(VectorSchema<T> schema, Node root) {
    this.schema = schema;
    this.root = root;
  }

  /** A view of {@code values} (exactly the vector length), built bottom-up. */
  public static <T> VectorView<T> of(VectorSchema<T> schema, List<T> values) {
    return new VectorView<>(schema, schema.toTree(values));
  }

  /** A view over an existing tree of this type. */
  public static <T> VectorView<T> fromTree(VectorSchema<T> schema, Node root) {
    return new VectorView<>(schema, root);
  }

  public VectorSchema<T> schema() {
    return schema;
  }

  public int size() {
    return schema.length();
  }

  public T get(long index) {
    checkIndex(index);
    return schema.elements().get(root, schema.dataDepth(), index);
  }

  /** A new view with element {@code index} replaced. */
  public VectorView<T> set(long index, T value) {
    checkIndex(index);
    return new VectorView<>(schema, schema.elements().set(root, schema.dataDepth(), index, value));
  }

  /** Applies a batch of {@code set}s and returns the resulting view. */
  public VectorView<T> updated(Consumer<Setter<T>> changes) {
    Node[] current = {root};
    changes.accept(
        (index, value) -> {
          checkIndex(index);
          current[0] = schema.elements().set(current[0], schema.dataDepth(), index, value);
        });
    return new VectorView<>(schema, current[0]);
  }

  /** Receives the changes of {@link #updated}. */
  @FunctionalInterface
  public interface Setter<T> {
    void set(long index, T value);
  }

  public Node root() {
    return root;
  }

  public Bytes32 hashTreeRoot() {
    return root.hash();
  }

  public List<T> toList() {
    return schema.fromTree(root);
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= schema.length()) {
      throw new IndexOutOfBoundsException(
          "Index " + index + " out of vector length " + schema.length());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VectorView<?> other && hashTreeRoot().equals(other.hashTreeRoot());
  }

  @Override
  public int hashCode() {
    return hashTreeRoot().hashCode();
  }

  /** The SSZ type of vector views: the same type as the {@link VectorSchema}, tree-backed. */
  public static final class Schema<T> implements SszSchema<VectorView<T>>, CompositeSchema {
    private final VectorSchema<T> vector;

    public Schema(VectorSchema<T> vector) {
      this.vector = vector;
    }

    public VectorView<T> of(List<T> values) {
      return VectorView.of(vector, values);
    }

    @Override
    public boolean isFixedSize() {
      return vector.isFixedSize();
    }

    @Override
    public int fixedSize() {
      return vector.fixedSize();
    }

    @Override
    public void encode(VectorView<T> value, SszWriter out) {
      vector.encode(value.toList(), out);
    }

    @Override
    public VectorView<T> decode(byte[] bytes, int offset, int length) {
      return VectorView.of(vector, vector.decode(bytes, offset, length));
    }

    @Override
    public Node toTree(VectorView<T> value) {
      return value.root();
    }

    @Override
    public VectorView<T> fromTree(Node node) {
      return VectorView.fromTree(vector, node);
    }

    @Override
    public boolean hasLengthMixIn() {
      return false;
    }

    @Override
    public int dataDepth() {
      return vector.dataDepth();
    }

    @Override
    public PathStep step(Object pathElement) {
      return vector.step(pathElement);
    }

    @Override
    public String toString() {
      return vector.toString();
    }
  }
}
