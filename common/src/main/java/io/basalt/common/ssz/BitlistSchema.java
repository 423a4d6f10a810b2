package io.basalt.common.ssz;

import io.basalt.common.ssz.tree.Node;
import io.basalt.common.ssz.tree.Trees;

/**
 * {@code Bitlist[N]}: up to N bits. Serialized with a delimiter bit set just past the last bit;
 * merkleized as the packed bits (no delimiter) under a length mix-in of the bit count.
 */
public final class BitlistSchema implements SszSchema<Bits>, CompositeSchema {

  private final long limit;
  private final int depth;

  public BitlistSchema(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("Bitlist limit must not be negative: " + limit);
    }
    this.limit = limit;
    this.depth = Trees.depthFor((limit + 255) / 256);
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
    throw new UnsupportedOperationException("Bitlist is variable-size");
  }

  private void check(Bits value) {
    if (value.size() > limit) {
      throw new IllegalArgumentException("Bitlist[" + limit + "] got " + value.size() + " bits");
    }
  }

  @Override
  public void encode(Bits value, SszWriter out) {
    check(value);
    int size = value.size();
    byte[] packed = value.packedUnsafe();
    byte[] withDelimiter = new byte[size / 8 + 1];
    System.arraycopy(packed, 0, withDelimiter, 0, packed.length);
    withDelimiter[size / 8] |= (byte) (1 << (size % 8));
    out.write(withDelimiter);
  }

  @Override
  public Bits decode(byte[] data, int offset, int length) {
    if (length == 0) {
      throw new SszDecodingException("Bitlist needs at least one byte for its delimiter bit");
    }
    int last = data[offset + length - 1] & 0xFF;
    if (last == 0) {
      throw new SszDecodingException("Bitlist has no delimiter bit in its last byte");
    }
    int highBit = 31 - Integer.numberOfLeadingZeros(last);
    long size = (length - 1) * 8L + highBit;
    if (size > limit) {
      throw new SszDecodingException(
          "Bitlist[" + limit + "] has " + size + " bits, over its limit");
    }
    byte[] packed = new byte[(int) ((size + 7) / 8)];
    System.arraycopy(data, offset, packed, 0, packed.length);
    if (highBit != 0) {
      packed[packed.length - 1] &= (byte) ((1 << highBit) - 1);
    }
    return Bits.fromPacked((int) size, packed);
  }

  @Override
  public Node toTree(Bits value) {
    check(value);
    return Trees.mixInLength(Trees.packed(value.packedUnsafe(), depth), value.size());
  }

  @Override
  public Bits fromTree(Node node) {
    long size = Trees.readLength(node.right());
    if (size > limit) {
      throw new IllegalArgumentException("Tree length " + size + " over limit " + limit);
    }
    return Bits.fromPacked((int) size, Trees.unpack(node.left(), depth, (int) ((size + 7) / 8)));
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
    return new PathStep(PathStep.index(pathElement, limit, this) / 256, null);
  }

  @Override
  public String toString() {
    return "Bitlist[" + limit + "]";
  }
}
