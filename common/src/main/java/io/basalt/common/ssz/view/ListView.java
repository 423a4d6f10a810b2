package io.basalt.common.ssz.view;

import io.basalt.common.ssz.CompositeSchema;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.PathStep;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszWriter;
import io.basalt.common.ssz.tree.BranchNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * An immutable, tree-backed {@code List[T, N]}: the value lives in a persistent Merkle tree, so
 * {@link #set} and {@link #append} return a new view that shares every untouched subtree with this
 * one, and {@link #hashTreeRoot()} re-hashes only the paths changed since the hashes were last
 * computed. Use it for large state fields (validators, balances); small lists can stay plain {@link
 * List}s.
 *
 * <p>Thread-safe: views never change.
 */
public final class ListView<T> {

  private final ListSchema<T> schema;
  private final Node data;
  private final long size;
  private final Node root;

  private ListView(ListSchema<T> schema, Node data, long size) {
    this.schema = schema;
    this.data = data;
    this.size = size;
    this.root = new BranchNode(data, Trees.lengthLeaf(size));
  }

  /** A view of {@code values}, with its tree built bottom-up in one pass. */
  public static <T> ListView<T> of(ListSchema<T> schema, List<T> values) {
    if (values.size() > schema.limit()) {
      throw new IllegalArgumentException(schema + " got " + values.size() + " elements");
    }
    Node data = schema.elements().dataTree(values, schema.dataDepth());
    return new ListView<>(schema, data, values.size());
  }

  /** The empty list. */
  public static <T> ListView<T> empty(ListSchema<T> schema) {
    return of(schema, List.of());
  }

  /** A view over an existing tree of this type (a length mix-in over the data tree). */
  public static <T> ListView<T> fromTree(ListSchema<T> schema, Node root) {
    long size = Trees.readLength(root.right());
    if (size > schema.limit()) {
      throw new IllegalArgumentException("Tree length " + size + " over limit " + schema.limit());
    }
    return new ListView<>(schema, root.left(), size);
  }

  public ListSchema<T> schema() {
    return schema;
  }

  public long size() {
    return size;
  }

  public T get(long index) {
    checkIndex(index);
    return schema.elements().get(data, schema.dataDepth(), index);
  }

  /** A new view with element {@code index} replaced. */
  public ListView<T> set(long index, T value) {
    checkIndex(index);
    return new ListView<>(
        schema, schema.elements().set(data, schema.dataDepth(), index, value), size);
  }

  /** A new view with {@code value} added at the end. */
  public ListView<T> append(T value) {
    if (size >= schema.limit()) {
      throw new IllegalStateException(schema + " is full");
    }
    return new ListView<>(
        schema, schema.elements().set(data, schema.dataDepth(), size, value), size + 1);
  }

  /**
   * Applies a batch of changes through a mutable builder and returns the resulting view; this view
   * is unchanged ({@code state.updated(...)} style).
   */
  public ListView<T> updated(Consumer<Builder<T>> changes) {
    Builder<T> builder = new Builder<>(this);
    changes.accept(builder);
    return builder.commit();
  }

  /** The tree root: {@code mix_in_length(data, size)}. */
  public Node root() {
    return root;
  }

  /** {@code hash_tree_root}, cached in the tree. */
  public Bytes32 hashTreeRoot() {
    return root.hash();
  }

  /** The elements as an immutable list (reads every element). */
  public List<T> toList() {
    return schema.elements().readAll(data, schema.dataDepth(), Math.toIntExact(size));
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " out of list size " + size);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListView<?> other && hashTreeRoot().equals(other.hashTreeRoot());
  }

  @Override
  public int hashCode() {
    return hashTreeRoot().hashCode();
  }

  @Override
  public String toString() {
    return schema + "(size " + size + ")";
  }

  /**
   * A mutable, single-threaded batch of changes to a list view. Each change path-copies the tree;
   * nothing is hashed until the committed view is.
   */
  public static final class Builder<T> {
    private final ListSchema<T> schema;
    private Node data;
    private long size;

    private Builder(ListView<T> base) {
      this.schema = base.schema;
      this.data = base.data;
      this.size = base.size;
    }

    public long size() {
      return size;
    }

    public T get(long index) {
      check(index);
      return schema.elements().get(data, schema.dataDepth(), index);
    }

    public Builder<T> set(long index, T value) {
      check(index);
      data = schema.elements().set(data, schema.dataDepth(), index, value);
      return this;
    }

    public Builder<T> append(T value) {
      if (size >= schema.limit()) {
        throw new IllegalStateException(schema + " is full");
      }
      data = schema.elements().set(data, schema.dataDepth(), size, value);
      size++;
      return this;
    }

    private void check(long index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException("Index " + index + " out of list size " + size);
      }
    }

    /** The immutable view holding the changes made so far. */
    public ListView<T> commit() {
      return new ListView<>(schema, data, size);
    }
  }

  /** The SSZ type of list views: the same type as the {@link ListSchema}, tree-backed. */
  public static final class Schema<T> implements SszSchema<ListView<T>>, CompositeSchema {
    private final ListSchema<T> list;

    public Schema(ListSchema<T> list) {
      this.list = list;
    }

    public ListSchema<T> listSchema() {
      return list;
    }

    public ListView<T> of(List<T> values) {
      return ListView.of(list, values);
    }

    public ListView<T> empty() {
      return ListView.empty(list);
    }

    @Override
    public boolean isFixedSize() {
      return false;
    }

    @Override
    public int fixedSize() {
      return list.fixedSize();
    }

    @Override
    public void encode(ListView<T> value, SszWriter out) {
      list.encode(value.toList(), out);
    }

    @Override
    public ListView<T> decode(byte[] bytes, int offset, int length) {
      return ListView.of(list, list.decode(bytes, offset, length));
    }

    @Override
    public Node toTree(ListView<T> value) {
      return value.root();
    }

    @Override
    public ListView<T> fromTree(Node node) {
      return ListView.fromTree(list, node);
    }

    @Override
    public boolean hasLengthMixIn() {
      return true;
    }

    @Override
    public int dataDepth() {
      return list.dataDepth();
    }

    @Override
    public PathStep step(Object pathElement) {
      return list.step(pathElement);
    }

    @Override
    public String toString() {
      return list.toString();
    }
  }
}
