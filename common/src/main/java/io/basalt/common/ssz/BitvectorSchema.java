package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;

/** {@code Bitvector[N]}: N bits in ceil(N/8) bytes, packed into chunks without a length. */
public final class BitvectorSchema implements SszSchema<Bits>, CompositeSchema {

  private final int length;
  private final int byteLength;
  private final int depth;

  public BitvectorSchema(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("Bitvector length must be positive: " + length);
    }
    this.length = length;
    this.byteLength = (length + 7) / 8;
    this.depth = Trees.depthFor((length + 255L) / 256);
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
    return byteLength;
  }

  private void check(Bits value) {
    if (value.size() != length) {
      throw new IllegalArgumentException("Bitvector[" + length + "] got " + value.size() + " bits");
    }
  }

  @Override
  public void encode(Bits value, SszWriter out) {
    check(value);
    out.write(value.packedUnsafe());
  }

  @Override
  public Bits decode(byte[] data, int offset, int len) {
    if (len != byteLength) {
      throw new SszDecodingException(
          "Bitvector[" + length + "] needs exactly " + byteLength + " bytes, got " + len);
    }
    int unused = byteLength * 8 - length;
    if (unused > 0 && (data[offset + len - 1] & 0xFF) >>> (8 - unused) != 0) {
      throw new SszDecodingException("Bitvector[" + length + "] has bits set beyond its length");
    }
    byte[] packed = new byte[len];
    System.arraycopy(data, offset, packed, 0, len);
    return Bits.fromPacked(length, packed);
  }

  @Override
  public Node toTree(Bits value) {
    check(value);
    return Trees.packed(value.packedUnsafe(), depth);
  }

  @Override
  public Bits fromTree(Node node) {
    return Bits.fromPacked(length, Trees.unpack(node, depth, byteLength));
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
    return new PathStep(PathStep.index(pathElement, length, this) / 256, null);
  }

  @Override
  public String toString() {
    return "Bitvector[" + length + "]";
  }
}
