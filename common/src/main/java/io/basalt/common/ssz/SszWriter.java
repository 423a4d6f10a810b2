package io.basalt.common.ssz;

import java.util.Arrays;

/** A growable byte buffer for encoding, with back-patching of 4-byte offsets. */
public final class SszWriter {

  private byte[] buf;
  private int size;

  public SszWriter() {
    this(64);
  }

  public SszWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  /** Bytes written so far. */
  public int position() {
    return size;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public void write(byte[] data) {
    write(data, 0, data.length);
  }

  public void write(byte[] data, int offset, int length) {
    ensure(length);
    System.arraycopy(data, offset, buf, size, length);
    size += length;
  }

  public void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  /** Writes {@code byteCount} little-endian bytes of {@code value}. */
  public void writeLittleEndian(long value, int byteCount) {
    ensure(byteCount);
    for (int i = 0; i < byteCount; i++) {
      buf[size++] = (byte) (value >>> (8 * i));
    }
  }

  /** Writes a placeholder offset and returns its position for {@link #patchOffset}. */
  public int reserveOffset() {
    writeLittleEndian(0, 4);
    return size - 4;
  }

  /** Sets the 4-byte offset at {@code position} to {@code value}. */
  public void patchOffset(int position, int value) {
    for (int i = 0; i < 4; i++) {
      buf[position + i] = (byte) (value >>> (8 * i));
    }
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }
}
