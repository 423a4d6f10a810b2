package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.BranchNode;
import io.basalt.common.ssz.tree.LeafNode;
import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.ZeroNodes;
import java.util.Arrays;
import java.util.List;

/**
 * {@code Union[T0, T1, ...]}: a selector byte followed by the selected option's encoding; the root
 * is {@code mix_in_selector(hash_tree_root(value), selector)}. Option 0 may be {@code None} (a
 * {@code null} schema), whose value is {@code null} and encodes as the selector alone.
 */
public final class UnionSchema implements SszSchema<UnionSchema.Value> {

  /** A union value: which option, and its value ({@code null} for the None option). */
  public record Value(int selector, Object value) {}

  private final List<SszSchema<?>> options;

  /** Options in selector order; only the first may be {@code null} (None). */
  public UnionSchema(SszSchema<?>... options) {
    if (options.length == 0 || options.length > 128) {
      throw new IllegalArgumentException("A union has 1..128 options, got " + options.length);
    }
    for (int i = 1; i < options.length; i++) {
      if (options[i] == null) {
        throw new IllegalArgumentException("Only option 0 of a union may be None");
      }
    }
    if (options[0] == null && options.length == 1) {
      throw new IllegalArgumentException("A union cannot have None as its only option");
    }
    this.options = Arrays.asList(options.clone());
  }

  @SuppressWarnings("unchecked")
  private SszSchema<Object> option(int selector) {
    if (selector < 0 || selector >= options.size()) {
      throw new IllegalArgumentException("Union selector " + selector + " out of range");
    }
    return (SszSchema<Object>) options.get(selector);
  }

  @Override
  public boolean isFixedSize() {
    return false;
  }

  @Override
  public int fixedSize() {
    throw new UnsupportedOperationException("Union is variable-size");
  }

  @Override
  public void encode(Value value, SszWriter out) {
    SszSchema<Object> option = option(value.selector());
    out.writeByte(value.selector());
    if (option != null) {
      option.encode(value.value(), out);
    } else if (value.value() != null) {
      throw new IllegalArgumentException("The None option of a union holds no value");
    }
  }

  @Override
  public Value decode(byte[] data, int offset, int length) {
    if (length == 0) {
      throw new SszDecodingException("Union needs a selector byte");
    }
    int selector = data[offset] & 0xFF;
    if (selector >= options.size()) {
      throw new SszDecodingException(
          "Union selector " + selector + " out of range for " + options.size() + " options");
    }
    SszSchema<Object> option = option(selector);
    if (option == null) {
      if (length != 1) {
        throw new SszDecodingException("Union None option followed by " + (length - 1) + " bytes");
      }
      return new Value(0, null);
    }
    try {
      return new Value(selector, option.decode(data, offset + 1, length - 1));
    } catch (SszDecodingException e) {
      throw new SszDecodingException("Union option " + selector + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Node toTree(Value value) {
    SszSchema<Object> option = option(value.selector());
    Node data = option == null ? ZeroNodes.ofDepth(0) : option.toTree(value.value());
    return new BranchNode(data, LeafNode.of(new byte[] {(byte) value.selector()}));
  }

  @Override
  public Value fromTree(Node node) {
    int selector = node.right().hashBytes()[0] & 0xFF;
    SszSchema<Object> option = option(selector);
    return new Value(selector, option == null ? null : option.fromTree(node.left()));
  }
}
