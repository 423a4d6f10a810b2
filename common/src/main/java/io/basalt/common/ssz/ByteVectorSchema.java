package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import java.util.function.Function;
import org.apache.tuweni.bytes.Bytes;

/** {@code ByteVector[N]}: exactly N bytes, packed into ceil(N/32) chunks. */
public final class ByteVectorSchema<B extends Bytes> implements SszSchema<B> {

  private final int length;
  private final int depth;
  private final Function<Bytes, B> wrap;

  /** A schema whose values are made from raw bytes by {@code wrap} (e.g. {@code Bytes32::wrap}). */
  public ByteVectorSchema(int length, Function<Bytes, B> wrap) {
    if (length < 1) {
      throw new IllegalArgumentException("ByteVector length must be positive: " + length);
    }
    this.length = length;
    this.depth = Trees.depthFor((length + 31L) / 32);
    this.wrap = wrap;
  }

  public int length() {
    return length;
  }

  @Override
  public boolean isFixedSize() {
    return true;
  }

  @Override
  public int fixedSize() {
    return length;
  }

  private void check(Bytes value) {
    if (value.size() != length) {
      throw new IllegalArgumentException(
          "ByteVector[" + length + "] got " + value.size() + " bytes");
    }
  }

  @Override
  public void encode(B value, SszWriter out) {
    check(value);
    out.write(value.toArrayUnsafe());
  }

  @Override
  public B decode(byte[] data, int offset, int len) {
    if (len != length) {
      throw new SszDecodingException(
          "ByteVector[" + length + "] needs exactly " + length + " bytes, got " + len);
    }
    return wrap.apply(Bytes.wrap(data, offset, len).copy());
  }

  @Override
  public Node toTree(B value) {
    check(value);
    return Trees.packed(value.toArrayUnsafe(), depth);
  }

  @Override
  public B fromTree(Node node) {
    return wrap.apply(Bytes.wrap(Trees.unpack(node, depth, length)));
  }

  @Override
  public String toString() {
    return "ByteVector[" + length + "]";
  }
}
