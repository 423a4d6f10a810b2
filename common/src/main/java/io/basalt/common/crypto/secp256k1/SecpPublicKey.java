package io.basalt.common.crypto.secp256k1;

import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key: a point on the curve other than infinity.
 *
 * <p>Held as the 64-byte {@code x || y} form Ethereum hashes into an address; the 33-byte SEC1
 * compressed form (libp2p peer keys) is derived from it. Every instance is a valid curve point: the
 * public factories check it, and the signers only build instances from points they computed.
 */
public final class SecpPublicKey {

  private final byte[] xy;

  private SecpPublicKey(byte[] xy) {
    this.xy = xy;
  }

  /**
   * Parses a public key in any of its three encodings: 64 bytes {@code x || y}, 65 bytes SEC1
   * uncompressed {@code 04 || x || y}, or 33 bytes SEC1 compressed {@code 02|03 || x}.
   *
   * @throws IllegalArgumentException if the length is none of these or the point is not on the
   *     curve
   */
  public static SecpPublicKey fromBytes(Bytes encoded) {
    byte[] sec1 =
        switch (encoded.size()) {
          case 64 -> Bytes.concatenate(Bytes.of(0x04), encoded).toArrayUnsafe();
          case 65 -> withPrefix(encoded, 0x04, 0x04);
          case 33 -> withPrefix(encoded, 0x02, 0x03);
          default ->
              throw new IllegalArgumentException(
                  "A secp256k1 public key is 33, 64 or 65 bytes, got " + encoded.size());
        };
    ECPoint point;
    try {
      // decodePoint rejects a bad prefix, coordinates >= P and points off the curve.
      point = SecpCurve.DOMAIN.getCurve().decodePoint(sec1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a secp256k1 public key: " + e.getMessage());
    }
    return fromPoint(point);
  }

  // BouncyCastle also decodes the SEC1 "hybrid" prefixes 06 and 07, which no Ethereum or libp2p
  // key uses; accept only the prefixes of the form the length announces.
  private static byte[] withPrefix(Bytes encoded, int first, int last) {
    int prefix = encoded.get(0) & 0xff;
    if (prefix < first || prefix > last) {
      throw new IllegalArgumentException(
          String.format(
              "Not a secp256k1 public key: prefix 0x%02x for a %d-byte key",
              prefix, encoded.size()));
    }
    return encoded.toArray();
  }

  /** The key for a point the caller computed, which is on the curve by construction. */
  static SecpPublicKey fromPoint(ECPoint point) {
    if (point.isInfinity()) {
      throw new IllegalArgumentException("The point at infinity is not a public key");
    }
    byte[] uncompressed = point.normalize().getEncoded(false);
    return new SecpPublicKey(Arrays.copyOfRange(uncompressed, 1, 65));
  }

  /** The key for {@code 04 || x || y} as libsecp256k1 returns it, already a valid point. */
  static SecpPublicKey fromTrustedUncompressed(byte[] sec1Uncompressed) {
    if (sec1Uncompressed.length != 65 || sec1Uncompressed[0] != 0x04) {
      throw new IllegalStateException("libsecp256k1 returned a malformed public key");
    }
    return new SecpPublicKey(Arrays.copyOfRange(sec1Uncompressed, 1, 65));
  }

  /** The 64 bytes {@code x || y}, the form Ethereum hashes into an address. */
  public Bytes toBytes() {
    return Bytes.wrap(xy.clone());
  }

  /** The 65 bytes {@code 04 || x || y} (SEC1 uncompressed). */
  public Bytes toUncompressedSec1() {
    return Bytes.concatenate(Bytes.of(0x04), Bytes.wrap(xy));
  }

  /** The 33 bytes {@code 02 || x} when y is even, {@code 03 || x} when odd (SEC1 compressed). */
  public Bytes toCompressed() {
    byte prefix = (byte) (0x02 | (xy[63] & 1));
    return Bytes.concatenate(Bytes.of(prefix), Bytes.wrap(xy, 0, 32));
  }

  ECPoint toPoint() {
    return SecpCurve.DOMAIN.getCurve().decodePoint(toUncompressedSec1().toArrayUnsafe());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecpPublicKey that && Arrays.equals(xy, that.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return "SecpPublicKey[" + Bytes.wrap(xy).toHexString() + "]";
  }
}
