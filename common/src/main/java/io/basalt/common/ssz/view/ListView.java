package io.basalt.common.ssz.view;

import io.basalt.common.ssz.CompositeSchema;
import io.basalt.common.ssz.ListSchema;
import io.basalt.common.ssz.PathStep;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszWriter;
import io.basalt.common.ssz.tree.BranchNode;
import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import io.basalt.common.ssz.tree.ZeroNodes;
import java.util.ArrayList;
import java.util.Iterator;
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
  private final long pruned;
  private final Node root;

  private ListView(ListSchema<T> schema, Node data, long size) {
    this(schema, data, size, 0);
  }

  private ListView(ListSchema<T> schema, Node data, long size, long pruned) {
    this.schema = schema;
    this.data = data;
    this.size = size;
    this.pruned = pruned;
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
    return new ListView<>(
        schema, root.left(), size, prunedPrefix(root.left(), schema.dataDepth(), 0));
  }

  public ListSchema<T> schema() {
    return schema;
  }

  public long size() {
    return size;
  }

  /**
   * @throws IllegalStateException if the element was pruned
   */
  public T get(long index) {
    checkIndex(index);
    checkKept(index);
    return schema.elements().get(data, schema.dataDepth(), index);
  }

  /**
   * A new view with element {@code index} replaced.
   *
   * @throws IllegalStateException if the element was pruned
   */
  public ListView<T> set(long index, T value) {
    checkIndex(index);
    checkKept(index);
    return new ListView<>(
        schema, schema.elements().set(data, schema.dataDepth(), index, value), size, pruned);
  }

  /** A new view with {@code value} added at the end. */
  public ListView<T> append(T value) {
    if (size >= schema.limit()) {
      throw new IllegalStateException(schema + " is full");
    }
    return new ListView<>(
        schema, schema.elements().set(data, schema.dataDepth(), size, value), size + 1, pruned);
  }

  /**
   * This list with its first {@code count} elements pruned, rounded down to an even number: each
   * largest subtree holding only pruned elements (two at least) becomes a leaf of its hash, so the
   * root stays the same while the memory those elements took is freed. A leaf above the chunk level
   * can only be such a subtree, so a view read back from its tree knows what is pruned. Pruned
   * elements can no longer be read, set or proven; appending and the later elements work as before.
   * An append-only log that is consumed from the front (an outbox) stays small this way. Pruning no
   * more than already pruned changes nothing.
   *
   * @throws IllegalArgumentException if {@code count} exceeds the size
   * @throws UnsupportedOperationException for a list of packed basic values
   */
  public ListView<T> prunedBefore(long count) {
    if (count < 0 || count > size) {
      throw new IllegalArgumentException("Cannot prune " + count + " of " + size + " elements");
    }
    if (schema.elements().isPacked()) {
      throw new UnsupportedOperationException("Pruning a packed list: " + schema);
    }
    long even = count & ~1L;
    if (even <= pruned) {
      return this;
    }
    return new ListView<>(schema, prune(data, schema.dataDepth(), 0, even), size, even);
  }

  /** How many leading elements are pruned (see {@link #prunedBefore}). */
  public long prunedCount() {
    return pruned;
  }

  /**
   * The hashes of the largest subtrees holding only pruned elements, left to right: with {@link
   * #prunedCount} and the elements kept, all {@link #restore} needs to rebuild this view.
   */
  public List<Bytes32> prunedRoots() {
    List<Bytes32> roots = new ArrayList<>();
    collectPruned(data, schema.dataDepth(), 0, pruned, roots);
    return roots;
  }

  /** The elements not pruned, in order. */
  public List<T> keptElements() {
    List<T> kept = new ArrayList<>(Math.toIntExact(size - pruned));
    for (long i = pruned; i < size; i++) {
      kept.add(schema.elements().get(data, schema.dataDepth(), i));
    }
    return kept;
  }

  /**
   * The view {@link #prunedRoots} and {@link #keptElements} were read from: {@code pruned} leading
   * elements known only by those subtree hashes, then {@code kept}.
   *
   * @throws IllegalArgumentException if {@code pruned} is odd or the number of roots does not fit
   */
  public static <T> ListView<T> restore(
      ListSchema<T> schema, long pruned, List<Bytes32> roots, List<T> kept) {
    if (pruned < 0 || pruned % 2 != 0 || pruned + kept.size() > schema.limit()) {
      throw new IllegalArgumentException(schema + " cannot hold " + pruned + " + " + kept.size());
    }
    if (pruned > 0 && schema.elements().isPacked()) {
      throw new UnsupportedOperationException("Pruning a packed list: " + schema);
    }
    Iterator<Bytes32> next = roots.iterator();
    Node data = prefix(schema.dataDepth(), 0, pruned, next);
    if (next.hasNext()) {
      throw new IllegalArgumentException("More pruned roots than " + pruned + " elements need");
    }
    long size = pruned;
    for (T value : kept) {
      data = schema.elements().set(data, schema.dataDepth(), size++, value);
    }
    return new ListView<>(schema, data, size, pruned);
  }

  /** Where the pruned prefix of a data tree ends: its leaves above the chunk level. */
  private static long prunedPrefix(Node node, int depth, long first) {
    if (depth == 0) {
      return first;
    }
    long half = 1L << (depth - 1);
    if (node.isLeaf()) {
      return first + 2 * half;
    }
    long leftEnd = prunedPrefix(node.left(), depth - 1, first);
    return leftEnd == first + half ? prunedPrefix(node.right(), depth - 1, first + half) : leftEnd;
  }

  /** {@code node} (covering chunks from {@code first}) with chunks before {@code count} pruned. */
  private static Node prune(Node node, int depth, long first, long count) {
    long span = 1L << depth;
    if (first + span <= count) {
      return node.isLeaf() ? node : LeafNode.of(node.hashBytes());
    }
    if (first >= count || depth == 0) {
      return node;
    }
    Node left = prune(node.left(), depth - 1, first, count);
    Node right = prune(node.right(), depth - 1, first + span / 2, count);
    return left == node.left() && right == node.right() ? node : new BranchNode(left, right);
  }

  private static void collectPruned(
      Node node, int depth, long first, long count, List<Bytes32> out) {
    long span = 1L << depth;
    if (first + span <= count) {
      out.add(node.hash());
    } else if (first < count && depth > 0) {
      collectPruned(node.left(), depth - 1, first, count, out);
      collectPruned(node.right(), depth - 1, first + span / 2, count, out);
    }
  }

  /** A subtree whose chunks before {@code count} are the next pruned roots and the rest zero. */
  private static Node prefix(int depth, long first, long count, Iterator<Bytes32> roots) {
    long span = 1L << depth;
    if (first + span <= count) {
      if (!roots.hasNext()) {
        throw new IllegalArgumentException("Too few pruned roots for " + count + " elements");
      }
      return LeafNode.of(roots.next().toArrayUnsafe());
    }
    if (first >= count) {
      return ZeroNodes.ofDepth(depth);
    }
    return new BranchNode(
        prefix(depth - 1, first, count, roots), prefix(depth - 1, first + span / 2, count, roots));
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

  /**
   * The elements as an immutable list (reads every element).
   *
   * @throws IllegalStateException if some were pruned
   */
  public List<T> toList() {
    if (pruned > 0) {
      throw new IllegalStateException(pruned + " elements of " + schema + " were pruned");
    }
    return schema.elements().readAll(data, schema.dataDepth(), Math.toIntExact(size));
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index " + index + " out of list size " + size);
    }
  }

  private void checkKept(long index) {
    checkKept(schema, pruned, index);
  }

  private static void checkKept(ListSchema<?> schema, long pruned, long index) {
    if (index < pruned) {
      throw new IllegalStateException("Element " + index + " of " + schema + " was pruned");
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

    private final long pruned;

    private Builder(ListView<T> base) {
      this.schema = base.schema;
      this.data = base.data;
      this.size = base.size;
      this.pruned = base.pruned;
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
      checkKept(schema, pruned, index);
    }

    /** The immutable view holding the changes made so far. */
    public ListView<T> commit() {
      return new ListView<>(schema, data, size, pruned);
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
