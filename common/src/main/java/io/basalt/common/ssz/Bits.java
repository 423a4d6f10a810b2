package io.basalt.common.ssz;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;

/**
 * An immutable sequence of bits, the value of {@code Bitvector[N]} and {@code Bitlist[N]}. Bit
 * {@code i} is bit {@code i % 8} (least significant first) of byte {@code i / 8}; unused high bits
 * of the last byte are zero.
 */
public final class Bits {

  private final int size;
  private final byte[] bytes;

  private Bits(int size, byte[] bytes) {
    this.size = size;
    this.bytes = bytes;
  }

  /** {@code size} zero bits. */
  public static Bits zeros(int size) {
    if (size < 0) {
      throw new IllegalArgumentException("Negative bit count: " + size);
    }
    return new Bits(size, new byte[(size + 7) / 8]);
  }

  /** The bits given as booleans. */
  public static Bits of(boolean... values) {
    byte[] bytes = new byte[(values.length + 7) / 8];
    for (int i = 0; i < values.length; i++) {
      if (values[i]) {
        bytes[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return new Bits(values.length, bytes);
  }

  /**
   * The first {@code size} bits of {@code packed}, which must be {@code ceil(size/8)} bytes long
   * with zero unused high bits.
   */
  public static Bits fromPacked(int size, byte[] packed) {
    if (packed.length != (size + 7) / 8) {
      throw new IllegalArgumentException(size + " bits need " + (size + 7) / 8 + " bytes");
    }
    if (size % 8 != 0 && (packed[packed.length - 1] & 0xFF) >>> (size % 8) != 0) {
      throw new IllegalArgumentException("Bits beyond size " + size + " are set");
    }
    return new Bits(size, packed.clone());
  }

  public int size() {
    return size;
  }

  public boolean get(int i) {
    if (i < 0 || i >= size) {
      throw new IllegalArgumentException("Bit " + i + " out of range 0.." + size);
    }
    return (bytes[i / 8] >>> (i % 8) & 1) != 0;
  }

  /** A copy with bit {@code i} set to {@code value}. */
  public Bits with(int i, boolean value) {
    get(i);
    byte[] copy = bytes.clone();
    if (value) {
      copy[i / 8] |= (byte) (1 << (i % 8));
    } else {
      copy[i / 8] &= (byte) ~(1 << (i % 8));
    }
    return new Bits(size, copy);
  }

  /** Number of set bits. */
  public int bitCount() {
    int count = 0;
    for (byte b : bytes) {
      count += Integer.bitCount(b & 0xFF);
    }
    return count;
  }

  /** The {@code ceil(size/8)} packed bytes, without a bitlist delimiter. */
  public byte[] packed() {
    return bytes.clone();
  }

  byte[] packedUnsafe() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bits other && size == other.size && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * size + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Bits[" + size + ", " + Bytes.wrap(bytes).toHexString() + "]";
  }
}
