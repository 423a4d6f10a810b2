package io.basalt.consensus.types;

import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.ssz.SszWriter;
import io.basalt.common.ssz.tree.Node;
import java.util.function.Function;

/**
 * An SSZ type seen as another Java type (e.g. {@code Bytes20} as an {@code Address}): encoding and
 * hashing are the underlying type's. A value the target type rejects decodes to an {@link
 * SszDecodingException}.
 */
final class MappedSchema<S, T> implements SszSchema<T> {

  private final SszSchema<S> underlying;
  private final Function<S, T> to;
  private final Function<T, S> from;

  MappedSchema(SszSchema<S> underlying, Function<S, T> to, Function<T, S> from) {
    this.underlying = underlying;
    this.to = to;
    this.from = from;
  }

  @Override
  public boolean isFixedSize() {
    return underlying.isFixedSize();
  }

  @Override
  public int fixedSize() {
    return underlying.fixedSize();
  }

  @Override
  public void encode(T value, SszWriter out) {
    underlying.encode(from.apply(value), out);
  }

  @Override
  public T decode(byte[] data, int offset, int length) {
    S raw = underlying.decode(data, offset, length);
    try {
      return to.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new SszDecodingException(e.getMessage(), e);
    }
  }

  @Override
  public Node toTree(T value) {
    return underlying.toTree(from.apply(value));
  }

  @Override
  public T fromTree(Node node) {
    return to.apply(underlying.fromTree(node));
  }

  @Override
  public String toString() {
    return underlying.toString();
  }
}
