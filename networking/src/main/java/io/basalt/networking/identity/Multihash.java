package io.basalt.networking.identity;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.UnsignedVarint;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A multihash {@code varint(code) || varint(length) || digest}, restricted to the two functions
 * peer ids use: identity ({@code 0x00}) and sha2-256 ({@code 0x12}, 32-byte digest).
 */
public record Multihash(int code, byte[] digest) {

  public static final int IDENTITY = 0x00;
  public static final int SHA2_256 = 0x12;

  /** Peer ids inline keys of at most 42 bytes; leave room but bound what a peer can send. */
  static final int MAX_IDENTITY_DIGEST = 128;

  public byte[] encode() {
    byte[] out =
        new byte
            [UnsignedVarint.encodedLength(code)
                + UnsignedVarint.encodedLength(digest.length)
                + digest.length];
    int offset = UnsignedVarint.write(code, out, 0);
    offset += UnsignedVarint.write(digest.length, out, offset);
    System.arraycopy(digest, 0, out, offset, digest.length);
    return out;
  }

  /**
   * Parses bytes that hold exactly one identity or sha2-256 multihash.
   *
   * @throws KeyFormatException if they do not
   */
  public static Multihash decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    long code;
    long length;
    try {
      code = UnsignedVarint.read(in);
      length = code == UnsignedVarint.INCOMPLETE ? code : UnsignedVarint.read(in);
    } catch (DecodingException e) {
      throw new KeyFormatException("Malformed multihash: " + e.getMessage(), e);
    }
    if (length == UnsignedVarint.INCOMPLETE) {
      throw new KeyFormatException("Truncated multihash header");
    }
    if (code == SHA2_256) {
      if (length != 32) {
        throw new KeyFormatException("A sha2-256 multihash has 32 digest bytes, got " + length);
      }
    } else if (code == IDENTITY) {
      if (length > MAX_IDENTITY_DIGEST) {
        throw new KeyFormatException("Identity multihash of " + length + " bytes is too long");
      }
    } else {
      throw new KeyFormatException(
          "Peer ids use identity or sha2-256 multihashes, got code 0x" + Long.toHexString(code));
    }
    if (in.remaining() != length) {
      throw new KeyFormatException(
          "Multihash announces " + length + " digest bytes but has " + in.remaining());
    }
    byte[] digest = new byte[(int) length];
    in.get(digest);
    return new Multihash((int) code, digest);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multihash that
        && code == that.code
        && Arrays.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return 31 * code + Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return "Multihash[code=0x" + Integer.toHexString(code) + ", " + digest.length + " bytes]";
  }
}
