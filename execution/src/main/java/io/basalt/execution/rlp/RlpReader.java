package io.basalt.execution.rlp;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reads a sequence of RLP items in order, strictly: a non-canonical header (a long form for a short
 * length, a length with leading zeros, a one-byte string that should have been its own encoding), a
 * scalar with leading zeros, or a length running past the input throws {@link RlpException}. A
 * reader is for one thread.
 *
 * <pre>{@code
 * RlpReader list = RlpReader.of(encoded).readListFully();
 * UInt64 nonce = list.readUInt64();
 * BigInteger balance = list.readBigInteger();
 * list.ensureEnd();
 * }</pre>
 */
public final class RlpReader {

  /** How the unnamed scalar reads name their item in error messages. */
  private static final String SCALAR = "scalar";

  private final byte[] data;
  private final int end;
  private int position;

  private RlpReader(byte[] data, int start, int end) {
    this.data = data;
    this.position = start;
    this.end = end;
  }

  /** A reader over the items of {@code input}. */
  public static RlpReader of(Bytes input) {
    byte[] data = input.toArrayUnsafe();
    return new RlpReader(data, 0, data.length);
  }

  /** Whether another item follows. */
  public boolean hasNext() {
    return position < end;
  }

  /** Whether the next item is a list. */
  public boolean nextIsList() {
    requireNext();
    return (data[position] & 0xff) >= 0xc0;
  }

  /** The payload of the next item, which must be a byte string. */
  public Bytes readBytes() {
    long header = header(false);
    // Tuweni refuses an empty slice at the very end of an array.
    return length(header) == 0 ? Bytes.EMPTY : Bytes.wrap(data, offset(header), length(header));
  }

  /** The next item, which must be a byte string of exactly 32 bytes. */
  public Bytes32 readBytes32() {
    Bytes bytes = readBytes();
    if (bytes.size() != 32) {
      throw new RlpException("Expected a 32-byte string, got " + bytes.size() + " bytes");
    }
    return Bytes32.wrap(bytes);
  }

  /** The next item as an unsigned scalar of at most 64 bits. */
  public UInt64 readUInt64() {
    return readUInt64(SCALAR);
  }

  /**
   * Like {@link #readUInt64()}; {@code field} names the item in the error message (e.g. {@code
   * "nonce is 9 bytes, more than the 8 allowed"}).
   */
  public UInt64 readUInt64(String field) {
    Bytes bytes = readScalarBytes(field, 8);
    long value = 0;
    for (int i = 0; i < bytes.size(); i++) {
      value = (value << 8) | (bytes.get(i) & 0xff);
    }
    return UInt64.fromBits(value);
  }

  /**
   * The next item as an unsigned scalar that must fit in {@code long} (up to 2^63 - 1); use {@link
   * #readUInt64()} for full 64-bit values.
   */
  public long readLong() {
    UInt64 value = readUInt64();
    if (value.bits() < 0) {
      throw new RlpException("Scalar " + value + " does not fit in a signed 64-bit long");
    }
    return value.bits();
  }

  /** The next item as an unsigned scalar of at most 256 bits (Ethereum's uint256). */
  public BigInteger readUInt256() {
    return readUInt256(SCALAR);
  }

  /** Like {@link #readUInt256()}; {@code field} names the item in the error message. */
  public BigInteger readUInt256(String field) {
    return new BigInteger(1, readScalarBytes(field, 32).toArrayUnsafe());
  }

  /** A reader over the items of the next item, which must be a list. */
  public RlpReader readList() {
    long header = header(true);
    return new RlpReader(data, offset(header), offset(header) + length(header));
  }

  /**
   * Reads the next item as a list and checks that nothing follows it in this reader: the usual way
   * to open a top-level structure.
   */
  public RlpReader readListFully() {
    RlpReader list = readList();
    ensureEnd();
    return list;
  }

  /** The complete encoding (header and payload) of the next item. */
  public Bytes readRaw() {
    int start = position;
    requireNext();
    long header = header((data[position] & 0xff) >= 0xc0);
    return Bytes.wrap(data, start, offset(header) + length(header) - start);
  }

  /** Skips the next item. */
  public void skip() {
    readRaw();
  }

  /**
   * @throws RlpException if items remain
   */
  public void ensureEnd() {
    if (position != end) {
      throw new RlpException(
          (end - position) + " bytes after the last expected item, at offset " + position);
    }
  }

  private Bytes readScalarBytes(String field, int maxBytes) {
    Bytes bytes = readBytes();
    if (bytes.size() > maxBytes) {
      throw new RlpException(
          field + " is " + bytes.size() + " bytes, more than the " + maxBytes + " allowed");
    }
    if (!bytes.isEmpty() && bytes.get(0) == 0) {
      throw new RlpException(field + " is a non-canonical integer (leading zero bytes)");
    }
    return bytes;
  }

  private void requireNext() {
    if (position >= end) {
      throw new RlpException("expected another RLP item at offset " + position + ", input ends");
    }
  }

  /**
   * Parses the header at the current position, advances past the whole item and returns its payload
   * offset (high 32 bits) and length (low 32 bits).
   */
  private long header(boolean expectList) {
    requireNext();
    int prefix = data[position] & 0xff;
    boolean isList = prefix >= 0xc0;
    if (isList != expectList) {
      throw new RlpException(
          expectList
              ? "expected an RLP list at offset " + position + ", found a string"
              : "expected an RLP string at offset " + position + ", found a list");
    }
    int offset;
    long length;
    if (prefix < 0x80) {
      offset = position;
      length = 1;
    } else if (prefix <= 0xb7 || (prefix >= 0xc0 && prefix <= 0xf7)) {
      offset = position + 1;
      length = prefix - (isList ? 0xc0 : 0x80);
      if (!isList && length == 1) {
        if (offset >= end) {
          throw new RlpException(
              "RLP item at offset " + position + " claims 1 bytes, only 0 remain");
        }
        if ((data[offset] & 0xff) < 0x80) {
          throw new RlpException(
              "non-canonical RLP at offset "
                  + position
                  + ": a single byte below 0x80 in a string (it is its own encoding)");
        }
      }
    } else {
      int lengthOfLength = prefix - (isList ? 0xf7 : 0xb7);
      offset = position + 1 + lengthOfLength;
      if (offset > end) {
        throw new RlpException("RLP length at offset " + position + " runs past the input");
      }
      if (data[position + 1] == 0) {
        throw new RlpException(
            "non-canonical RLP at offset " + position + ": leading zero in length");
      }
      length = 0;
      for (int i = 1; i <= lengthOfLength; i++) {
        length = (length << 8) | (data[position + i] & 0xff);
        if (length > Integer.MAX_VALUE) {
          throw new RlpException("RLP item at offset " + position + " is longer than 2 GiB");
        }
      }
      if (length < 56) {
        throw new RlpException(
            "non-canonical RLP at offset " + position + ": long form for a length of " + length);
      }
    }
    if (offset + length > end) {
      throw new RlpException(
          "RLP item at offset "
              + position
              + " claims "
              + length
              + " bytes, only "
              + Math.max(0, end - offset)
              + " remain");
    }
    position = (int) (offset + length);
    return ((long) offset << 32) | length;
  }

  private static int offset(long header) {
    return (int) (header >>> 32);
  }

  private static int length(long header) {
    return (int) header;
  }
}
