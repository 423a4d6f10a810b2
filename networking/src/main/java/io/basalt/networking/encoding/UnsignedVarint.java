package io.basalt.networking.encoding;

import java.nio.ByteBuffer;

/**
 * The multiformats unsigned varint: 7 bits per byte, least significant group first, the high bit
 * set on every byte but the last.
 *
 * <p>Per the multiformats spec a varint is at most 9 bytes (63 bits), and it must be minimal: a
 * last byte of zero after other bytes (e.g. {@code 80 00}) is rejected, so every value has exactly
 * one encoding.
 */
public final class UnsignedVarint {

  /** The longest varint: 9 bytes carry 63 bits. */
  public static final int MAX_BYTES = 9;

  /** Returned by the decoders when the input ends before the varint does. */
  public static final long INCOMPLETE = -1;

  private UnsignedVarint() {}

  /** The number of bytes {@code value} takes. */
  public static int encodedLength(long value) {
    checkEncodable(value);
    int length = 1;
    while ((value >>>= 7) != 0) {
      length++;
    }
    return length;
  }

  /** The encoding of {@code value}, which must be in [0, 2^63). */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    write(value, out, 0);
    return out;
  }

  /** Writes {@code value} at {@code offset}; returns the number of bytes written. */
  public static int write(long value, byte[] out, int offset) {
    checkEncodable(value);
    int i = offset;
    while ((value & ~0x7FL) != 0) {
      out[i++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out[i++] = (byte) value;
    return i - offset;
  }

  /**
   * Reads one varint from {@code in}, advancing its position past it.
   *
   * @return the value, or {@link #INCOMPLETE} (position unchanged) if {@code in} ends first
   * @throws DecodingException if the varint is longer than 9 bytes or not minimal
   */
  public static long read(ByteBuffer in) {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_BYTES; i++) {
      if (start + i >= in.limit()) {
        return INCOMPLETE;
      }
      int b = in.get(start + i) & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new DecodingException("Varint is not minimally encoded");
        }
        in.position(start + i + 1);
        return value;
      }
    }
    throw new DecodingException("Varint longer than " + MAX_BYTES + " bytes");
  }

  /**
   * Decodes a buffer holding exactly one varint.
   *
   * @throws DecodingException if it is truncated, malformed or followed by other bytes
   */
  public static long decodeExact(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long value = read(in);
    if (value == INCOMPLETE) {
      throw new DecodingException("Truncated varint");
    }
    if (in.hasRemaining()) {
      throw new DecodingException(in.remaining() + " bytes after the varint");
    }
    return value;
  }

  private static void checkEncodable(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("Unsigned varints hold [0, 2^63), got " + value);
    }
  }
}
