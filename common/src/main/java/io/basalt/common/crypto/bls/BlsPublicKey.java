package io.basalt.common.crypto.bls;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A validated BLS public key: a G1 point that is on the curve, in the prime-order subgroup and not
 * the point at infinity (the spec's {@code KeyValidate}).
 *
 * <p>The checks run once, when the key is built; the decompressed affine point is kept and reused
 * by every later operation, so aggregating thousands of cached keys costs only point additions.
 * Equality is by the 48-byte compressed encoding. Immutable and safe to share between threads.
 */
public final class BlsPublicKey {

  private final Bytes48 compressed;
  private final P1_Affine point;

  private BlsPublicKey(Bytes48 compressed, P1_Affine point) {
    this.compressed = compressed;
    this.point = point;
  }

  /**
   * Decompresses and validates a 48-byte compressed key.
   *
   * @throws InvalidBlsEncodingException if the bytes are not a compressed G1 point, the point is
   *     infinity, or it lies outside the prime-order subgroup
   */
  public static BlsPublicKey fromBytes(Bytes bytes) {
    if (bytes.size() != 48) {
      throw new InvalidBlsEncodingException(
          "A BLS public key is 48 bytes, got " + bytes.size() + " bytes");
    }
    byte[] raw = bytes.toArray();
    // Only the compressed form is accepted; blst would otherwise read a 96-byte serialization.
    if ((raw[0] & 0x80) == 0) {
      throw new InvalidBlsEncodingException("BLS public key is not in compressed form");
    }
    P1_Affine point;
    try {
      point = new P1_Affine(raw);
    } catch (RuntimeException e) {
      throw new InvalidBlsEncodingException("Invalid BLS public key: " + e.getMessage(), e);
    }
    if (point.is_inf()) {
      throw new InvalidBlsEncodingException("BLS public key is the point at infinity");
    }
    if (!point.in_group()) {
      throw new InvalidBlsEncodingException("BLS public key is not in the G1 subgroup");
    }
    return new BlsPublicKey(Bytes48.wrap(raw), point);
  }

  static BlsPublicKey fromSecretKey(BlsSecretKey secretKey) {
    P1_Affine point = new P1(secretKey.blst()).to_affine();
    return new BlsPublicKey(Bytes48.wrap(point.compress()), point);
  }

  /**
   * Wraps a point built from validated keys (a sum of subgroup points stays in the subgroup), so no
   * subgroup check is repeated. Infinity is still refused.
   */
  static BlsPublicKey fromTrustedSum(P1 sum) {
    if (sum.is_inf()) {
      throw new BlsException("The aggregate public key is the point at infinity");
    }
    P1_Affine point = sum.to_affine();
    return new BlsPublicKey(Bytes48.wrap(point.compress()), point);
  }

  /** The cached, validated affine point. Callers must not mutate it. */
  P1_Affine point() {
    return point;
  }

  /** The 48-byte compressed encoding. */
  public Bytes48 toBytes() {
    return compressed;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsPublicKey other && compressed.equals(other.compressed);
  }

  @Override
  public int hashCode() {
    return compressed.hashCode();
  }

  @Override
  public String toString() {
    return "BlsPublicKey[" + compressed.toHexString() + "]";
  }
}
