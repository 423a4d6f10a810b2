package io.basalt.networking.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Strict DER encoding of an ECDSA signature, {@code SEQUENCE { INTEGER r, INTEGER s }}, as libp2p
 * secp256k1 signatures are sent (BIP-66 rules).
 *
 * <p>Decoding accepts only canonical DER: short-form lengths that match the content exactly,
 * minimal positive integers (no superfluous leading zero, no sign bit set), and no trailing bytes.
 */
public final class DerSignature {

  /** Two 33-byte integers with their headers inside a sequence. */
  static final int MAX_LENGTH = 72;

  private DerSignature() {}

  /** The two scalars of an ECDSA signature. */
  public record Scalars(BigInteger r, BigInteger s) {}

  /** The DER encoding of positive {@code r} and {@code s}. */
  public static byte[] encode(BigInteger r, BigInteger s) {
    if (r.signum() <= 0 || s.signum() <= 0) {
      throw new IllegalArgumentException("ECDSA r and s are positive");
    }
    byte[] rBytes = r.toByteArray(); // minimal two's complement: a 0x00 only before a set high bit
    byte[] sBytes = s.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_LENGTH);
    out.write(0x30);
    out.write(4 + rBytes.length + sBytes.length);
    out.write(0x02);
    out.write(rBytes.length);
    out.writeBytes(rBytes);
    out.write(0x02);
    out.write(sBytes.length);
    out.writeBytes(sBytes);
    return out.toByteArray();
  }

  /** The (r, s) pair of a strictly DER-encoded signature, or empty if the encoding is not DER. */
  public static Optional<Scalars> decode(byte[] der) {
    if (der.length < 8 || der.length > MAX_LENGTH) {
      return Optional.empty();
    }
    if (der[0] != 0x30 || (der[1] & 0xFF) != der.length - 2) {
      return Optional.empty();
    }
    int offset = 2;
    BigInteger r = readInteger(der, offset);
    if (r == null) {
      return Optional.empty();
    }
    offset += 2 + der[offset + 1];
    BigInteger s = readInteger(der, offset);
    if (s == null || offset + 2 + der[offset + 1] != der.length) {
      return Optional.empty();
    }
    return Optional.of(new Scalars(r, s));
  }

  /** The positive minimal INTEGER at {@code offset}, or null. */
  private static BigInteger readInteger(byte[] der, int offset) {
    if (offset + 2 > der.length || der[offset] != 0x02) {
      return null;
    }
    int length = der[offset + 1] & 0xFF;
    if (length == 0 || length > 33 || offset + 2 + length > der.length) {
      return null;
    }
    int first = der[offset + 2] & 0xFF;
    if ((first & 0x80) != 0) {
      return null; // negative
    }
    if (first == 0 && (length == 1 || (der[offset + 3] & 0x80) == 0)) {
      return null; // zero, or a leading zero that is not needed
    }
    byte[] value = new byte[length];
    System.arraycopy(der, offset + 2, value, 0, length);
    return new BigInteger(value);
  }
}
