package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** {@code ByteList[N]}: up to N bytes, packed into chunks under a length mix-in. */
public final class ByteListSchema implements SszSchema<Bytes>, CompositeSchema {

  private final long limit;
  private final int depth;

  public ByteListSchema(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("ByteList limit must not be negative: " + limit);
    }
    this.limit = limit;
    this.depth = Trees.depthFor((limit + 31) / 32);
  }

  public long limit() {
    return limit;
  }

  @Override
  public boolean isFixedSize() {
    return false;
  }

  @Override
  public int fixedSize() {
    throw new UnsupportedOperationException("ByteList is variable-size");
  }

  private void check(Bytes value) {
    if (value.size() > limit) {
      throw new IllegalArgumentException("ByteList[" + limit + "] got " + value.size() + " bytes");
    }
  }

  @Override
  public void encode(Bytes value, SszWriter out) {
    check(value);
    out.write(value.toArrayUnsafe());
  }

  @Override
  public Bytes decode(byte[] data, int offset, int length) {
    if (length > limit) {
      throw new SszDecodingException(
          "ByteList[" + limit + "] got " + length + " bytes, over its limit");
    }
    // An empty list may sit at the very end of its parent (offset = data length), where
    // Bytes.wrap refuses even zero bytes.
    return length == 0 ? Bytes.EMPTY : Bytes.wrap(data, offset, length).copy();
  }

  @Override
  public Node toTree(Bytes value) {
    check(value);
    return Trees.mixInLength(Trees.packed(value.toArrayUnsafe(), depth), value.size());
  }

  /** Hashed straight from the bytes, without building the tree. */
  @Override
  public Bytes32 hashTreeRoot(Bytes value) {
    check(value);
    return Bytes32.wrap(
        Trees.mixInLength(Trees.packedRoot(value.toArrayUnsafe(), depth), value.size()));
  }

  @Override
  public Bytes fromTree(Node node) {
    long length = Trees.readLength(node.right());
    if (length > limit) {
      throw new IllegalArgumentException("Tree length " + length + " over limit " + limit);
    }
    return Bytes.wrap(Trees.unpack(node.left(), depth, (int) length));
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
    return new PathStep(index / 32, null);
  }

  @Override
  public String toString() {
    return "ByteList[" + limit + "]";
  }
}
