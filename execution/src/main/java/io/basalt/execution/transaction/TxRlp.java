package io.basalt.execution.transaction;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * The small strict RLP reader and writer the transaction codec needs.
 *
 * <p>Stand-in until the execution module's own RLP package is merged; kept package-private so
 * nothing else comes to depend on it. Decoding is canonical-only, as Ethereum clients require for
 * transactions: a single byte below 0x80 must be written as itself, the long forms only for lengths
 * over 55 and without leading zero length bytes, integers without leading zero bytes.
 */
final class TxRlp {

  private TxRlp() {}

  /** Malformed or non-canonical RLP; the decoder turns it into a typed decoding error. */
  static final class RlpException extends RuntimeException {
    RlpException(String message) {
      super(message);
    }
  }

  /** Reads the items of one RLP list (or of a top-level sequence) in order. */
  static final class Reader {
    private final byte[] in;
    private int pos;
    private final int end;

    private Reader(byte[] in, int start, int end) {
      this.in = in;
      this.pos = start;
      this.end = end;
    }

    /** A reader of the single list that must make up all of {@code in}. */
    static Reader ofSingleList(byte[] in, int start) {
      Reader top = new Reader(in, start, in.length);
      Reader list = top.readList();
      if (!top.isEnd()) {
        throw new RlpException((in.length - top.pos) + " bytes after the transaction's RLP list");
      }
      return list;
    }

    boolean isEnd() {
      return pos == end;
    }

    /** Reads a list item and returns a reader of its contents. */
    Reader readList() {
      Item item = next();
      if (!item.list) {
        throw new RlpException("expected an RLP list at offset " + item.start + ", found a string");
      }
      return new Reader(in, item.start, item.start + item.length);
    }

    /** Reads a string item. */
    byte[] readBytes() {
      Item item = next();
      if (item.list) {
        throw new RlpException("expected an RLP string at offset " + item.start + ", found a list");
      }
      byte[] out = new byte[item.length];
      System.arraycopy(in, item.start, out, 0, item.length);
      return out;
    }

    /** Reads a canonical unsigned integer of at most {@code maxBytes} bytes. */
    BigInteger readUnsigned(String field, int maxBytes) {
      byte[] bytes = readBytes();
      if (bytes.length > maxBytes) {
        throw new RlpException(
            field + " is " + bytes.length + " bytes, more than the " + maxBytes + " allowed");
      }
      if (bytes.length > 0 && bytes[0] == 0) {
        throw new RlpException(field + " is a non-canonical integer (leading zero bytes)");
      }
      return new BigInteger(1, bytes);
    }

    private record Item(boolean list, int start, int length) {}

    private Item next() {
      if (pos >= end) {
        throw new RlpException("expected another RLP item at offset " + pos + ", input ends");
      }
      int prefix = in[pos] & 0xff;
      int headerStart = pos;
      Item item;
      if (prefix < 0x80) {
        item = new Item(false, pos, 1);
        pos += 1;
      } else if (prefix <= 0xb7) {
        int length = prefix - 0x80;
        if (length == 1 && pos + 1 < end && (in[pos + 1] & 0xff) < 0x80) {
          throw new RlpException(
              "non-canonical RLP at offset " + pos + ": a single byte below 0x80 in a string");
        }
        item = new Item(false, pos + 1, length);
        pos += 1;
      } else if (prefix <= 0xbf) {
        item = longForm(false, prefix - 0xb7);
      } else if (prefix <= 0xf7) {
        item = new Item(true, pos + 1, prefix - 0xc0);
        pos += 1;
      } else {
        item = longForm(true, prefix - 0xf7);
      }
      if (item.length > end - item.start) {
        throw new RlpException(
            "RLP item at offset "
                + headerStart
                + " claims "
                + item.length
                + " bytes, only "
                + Math.max(0, end - item.start)
                + " remain");
      }
      pos = item.start + item.length;
      return item;
    }

    private Item longForm(boolean list, int lengthOfLength) {
      int start = pos + 1 + lengthOfLength;
      if (start > end) {
        throw new RlpException("RLP length at offset " + pos + " runs past the input");
      }
      if (in[pos + 1] == 0) {
        throw new RlpException("non-canonical RLP at offset " + pos + ": leading zero in length");
      }
      long length = 0;
      for (int i = pos + 1; i < start; i++) {
        length = (length << 8) | (in[i] & 0xff);
        if (length > Integer.MAX_VALUE) {
          throw new RlpException("RLP item at offset " + pos + " is longer than 2 GiB");
        }
      }
      if (length <= 55) {
        throw new RlpException(
            "non-canonical RLP at offset " + pos + ": long form for a length of " + length);
      }
      return new Item(list, start, (int) length);
    }
  }

  // --- writing ---

  static byte[] encodeBytes(byte[] bytes) {
    if (bytes.length == 1 && (bytes[0] & 0xff) < 0x80) {
      return bytes.clone();
    }
    return withHeader(0x80, bytes);
  }

  /** A non-negative integer in its minimal big-endian form (zero is the empty string). */
  static byte[] encodeUnsigned(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
    }
    byte[] bytes = value.toByteArray();
    int skip = 0;
    while (skip < bytes.length && bytes[skip] == 0) {
      skip++;
    }
    byte[] minimal = new byte[bytes.length - skip];
    System.arraycopy(bytes, skip, minimal, 0, minimal.length);
    return encodeBytes(minimal);
  }

  /** {@code bits} read as an unsigned 64-bit integer. */
  static byte[] encodeUnsigned(long bits) {
    int length = 8 - Long.numberOfLeadingZeros(bits) / 8;
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (bits >>> (8 * (length - 1 - i)));
    }
    return encodeBytes(bytes);
  }

  /** A list of already-encoded items. */
  static byte[] encodeList(List<byte[]> encodedItems) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] item : encodedItems) {
      body.writeBytes(item);
    }
    return withHeader(0xc0, body.toByteArray());
  }

  private static byte[] withHeader(int offset, byte[] payload) {
    byte[] header;
    if (payload.length <= 55) {
      header = new byte[] {(byte) (offset + payload.length)};
    } else {
      int lengthOfLength = 4 - Integer.numberOfLeadingZeros(payload.length) / 8;
      header = new byte[1 + lengthOfLength];
      header[0] = (byte) (offset + 55 + lengthOfLength);
      for (int i = 0; i < lengthOfLength; i++) {
        header[1 + i] = (byte) (payload.length >>> (8 * (lengthOfLength - 1 - i)));
      }
    }
    byte[] out = new byte[header.length + payload.length];
    System.arraycopy(header, 0, out, 0, header.length);
    System.arraycopy(payload, 0, out, header.length, payload.length);
    return out;
  }
}
