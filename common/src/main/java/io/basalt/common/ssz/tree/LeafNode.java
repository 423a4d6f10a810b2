package io.basalt.common.ssz.tree;

import org.apache.tuweni.bytes.Bytes;

/** A 32-byte chunk; its hash is the chunk itself. */
public final class LeafNode extends Node {

  private final byte[] chunk;

  private LeafNode(byte[] chunk) {
    this.chunk = chunk;
  }

  /** A leaf holding {@code data} right-padded with zeros to 32 bytes (copied). */
  public static LeafNode of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** A leaf holding {@code length <= 32} bytes of {@code data} from {@code offset}, zero-padded. */
  public static LeafNode of(byte[] data, int offset, int length) {
    if (length > 32) {
      throw new IllegalArgumentException("A chunk holds at most 32 bytes, got " + length);
    }
    return new LeafNode(padded(data, offset, length));
  }

  public static LeafNode of(Bytes data) {
    return of(data.toArrayUnsafe());
  }

  /** Takes ownership of a 32-byte array without copying; the caller must not modify it. */
  static LeafNode wrap(byte[] chunk32) {
    return new LeafNode(chunk32);
  }

  private static byte[] padded(byte[] data, int offset, int length) {
    byte[] chunk = new byte[32];
    System.arraycopy(data, offset, chunk, 0, length);
    return chunk;
  }

  /** A copy of the 32 chunk bytes. */
  public byte[] chunk() {
    return chunk.clone();
  }

  /** Copies {@code length} chunk bytes from {@code offset} into {@code dest}. */
  public void copyTo(int offset, byte[] dest, int destOffset, int length) {
    System.arraycopy(chunk, offset, dest, destOffset, length);
  }

  @Override
  public byte[] hashBytes() {
    return chunk;
  }

  @Override
  public boolean isLeaf() {
    return true;
  }

  @Override
  public Node left() {
    throw new IllegalStateException("A leaf has no children");
  }

  @Override
  public Node right() {
    throw new IllegalStateException("A leaf has no children");
  }

  @Override
  public String toString() {
    return "Leaf[" + Bytes.wrap(chunk).toHexString() + "]";
  }
}
