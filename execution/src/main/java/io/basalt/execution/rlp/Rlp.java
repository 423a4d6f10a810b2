package io.basalt.execution.rlp;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * One-shot RLP encoding and strict decoding (yellow paper, appendix B).
 *
 * <p>Scalars are unsigned big-endian integers without leading zero bytes, so zero is the empty
 * string {@code 0x80}. A single byte below {@code 0x80} is its own encoding.
 */
public final class Rlp {

  /** The encoding of the empty byte string. */
  public static final Bytes EMPTY_STRING = Bytes.of(0x80);

  /** The encoding of the empty list. */
  public static final Bytes EMPTY_LIST = Bytes.of(0xc0);

  private Rlp() {}

  public static Bytes encode(Bytes bytes) {
    return Bytes.wrap(encode(bytes.toArrayUnsafe()));
  }

  /** The encoding of the byte string {@code bytes}. */
  public static byte[] encode(byte[] bytes) {
    if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
      return new byte[] {bytes[0]};
    }
    byte[] out = new byte[headerSize(bytes.length) + bytes.length];
    int offset = writeHeader(out, 0, 0x80, bytes.length);
    System.arraycopy(bytes, 0, out, offset, bytes.length);
    return out;
  }

  /**
   * @throws IllegalArgumentException if {@code value} is negative (RLP scalars are unsigned)
   */
  public static Bytes encodeScalar(long value) {
    return Bytes.wrap(encode(scalarBytes(value)));
  }

  public static Bytes encodeScalar(UInt64 value) {
    return Bytes.wrap(encode(unsignedScalarBytes(value.bits())));
  }

  /**
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public static Bytes encodeScalar(BigInteger value) {
    return Bytes.wrap(encode(scalarBytes(value)));
  }

  /** A list whose items are the given, already encoded, items. */
  public static Bytes encodeList(List<Bytes> encodedItems) {
    int payload = 0;
    for (Bytes item : encodedItems) {
      payload += item.size();
    }
    byte[] out = new byte[headerSize(payload) + payload];
    int offset = writeHeader(out, 0, 0xc0, payload);
    for (Bytes item : encodedItems) {
      System.arraycopy(item.toArrayUnsafe(), 0, out, offset, item.size());
      offset += item.size();
    }
    return Bytes.wrap(out);
  }

  public static Bytes encodeList(Bytes... encodedItems) {
    return encodeList(List.of(encodedItems));
  }

  /** The encoding of a tree of items. */
  public static Bytes encode(RlpItem item) {
    return switch (item) {
      case RlpItem.RlpString s -> encode(s.bytes());
      case RlpItem.RlpList l -> {
        List<Bytes> encoded = new ArrayList<>(l.items().size());
        for (RlpItem child : l.items()) {
          encoded.add(encode(child));
        }
        yield encodeList(encoded);
      }
    };
  }

  /**
   * Decodes exactly one item that spans all of {@code encoded}.
   *
   * @throws RlpException on non-canonical input, truncation or trailing bytes
   */
  public static RlpItem decode(Bytes encoded) {
    RlpReader reader = RlpReader.of(encoded);
    RlpItem item = readItem(reader);
    reader.ensureEnd();
    return item;
  }

  /**
   * Decodes one byte string that spans all of {@code encoded}.
   *
   * @throws RlpException if the input is not exactly one canonical byte string
   */
  public static Bytes decodeBytes(Bytes encoded) {
    RlpReader reader = RlpReader.of(encoded);
    Bytes bytes = reader.readBytes();
    reader.ensureEnd();
    return bytes;
  }

  private static RlpItem readItem(RlpReader reader) {
    if (!reader.nextIsList()) {
      return new RlpItem.RlpString(reader.readBytes());
    }
    RlpReader list = reader.readList();
    List<RlpItem> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(readItem(list));
    }
    return new RlpItem.RlpList(items);
  }

  /** Big-endian bytes of {@code value} without leading zeros; empty for zero. */
  static byte[] scalarBytes(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("RLP scalars are unsigned, got " + value);
    }
    return unsignedScalarBytes(value);
  }

  /** Like {@link #scalarBytes(long)} for the 64 bits of {@code bits} read as unsigned. */
  static byte[] unsignedScalarBytes(long bits) {
    long value = bits;
    int size = (Long.SIZE - Long.numberOfLeadingZeros(value) + 7) / 8;
    byte[] out = new byte[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  static byte[] scalarBytes(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP scalars are unsigned, got " + value);
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] twos = value.toByteArray();
    if (twos[0] != 0) {
      return twos;
    }
    byte[] out = new byte[twos.length - 1];
    System.arraycopy(twos, 1, out, 0, out.length);
    return out;
  }

  /** Size of the header of a string or list whose payload is {@code length} bytes. */
  static int headerSize(int length) {
    return length < 56 ? 1 : 1 + lengthOfLength(length);
  }

  /**
   * Writes the header for a payload of {@code length} bytes at {@code offset}; {@code base} is
   * {@code 0x80} for strings and {@code 0xc0} for lists. Returns the offset after the header.
   */
  static int writeHeader(byte[] out, int offset, int base, int length) {
    if (length < 56) {
      out[offset] = (byte) (base + length);
      return offset + 1;
    }
    int lengthOfLength = lengthOfLength(length);
    out[offset] = (byte) (base + 55 + lengthOfLength);
    for (int i = lengthOfLength; i >= 1; i--) {
      out[offset + i] = (byte) length;
      length >>>= 8;
    }
    return offset + 1 + lengthOfLength;
  }

  private static int lengthOfLength(int length) {
    return (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
  }
}
