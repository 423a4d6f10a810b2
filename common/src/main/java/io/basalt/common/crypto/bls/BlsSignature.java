package io.basalt.common.crypto.bls;

import org.apache.tuweni.bytes.Bytes;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BLS signature: a G2 point, 96 bytes compressed.
 *
 * <p>Parsing decompresses the point and checks it is on the curve; the subgroup check is deferred
 * and done at most once, because blst's verification entry points check the signature's subgroup
 * anyway, so a signature that is only verified never pays for a second check. Operations that
 * combine signatures outside blst's verifier ({@link Bls#aggregate}) call {@link #checkedPoint()}.
 * The point at infinity is a valid encoding (it is the aggregate of nothing) and verifies against
 * no key.
 *
 * <p>Immutable apart from the memoized subgroup result; safe to share between threads.
 */
public final class BlsSignature {

  /** The compressed point at infinity. */
  public static final BlsSignature INFINITY = fromBytes(infinityBytes());

  private final Bytes compressed;
  private final P2_Affine point;
  // null until checked; a benign race can only compute the same answer twice.
  private volatile Boolean inGroup;

  private BlsSignature(Bytes compressed, P2_Affine point, Boolean inGroup) {
    this.compressed = compressed;
    this.point = point;
    this.inGroup = inGroup;
  }

  /**
   * Decompresses a 96-byte compressed signature.
   *
   * @throws InvalidBlsEncodingException if the bytes are not a compressed point on the G2 curve
   */
  public static BlsSignature fromBytes(Bytes bytes) {
    if (bytes.size() != 96) {
      throw new InvalidBlsEncodingException(
          "A BLS signature is 96 bytes, got " + bytes.size() + " bytes");
    }
    byte[] raw = bytes.toArray();
    if ((raw[0] & 0x80) == 0) {
      throw new InvalidBlsEncodingException("BLS signature is not in compressed form");
    }
    try {
      return new BlsSignature(Bytes.wrap(raw), new P2_Affine(raw), null);
    } catch (RuntimeException e) {
      throw new InvalidBlsEncodingException("Invalid BLS signature: " + e.getMessage(), e);
    }
  }

  /** Wraps a point computed from valid inputs (signing, aggregation): in the subgroup already. */
  static BlsSignature fromTrustedSum(P2 point) {
    P2_Affine affine = point.to_affine();
    return new BlsSignature(Bytes.wrap(affine.compress()), affine, Boolean.TRUE);
  }

  /** The decompressed point, not yet subgroup-checked; for blst calls that check it themselves. */
  P2_Affine point() {
    return point;
  }

  /**
   * The point after the subgroup check.
   *
   * @throws InvalidBlsEncodingException if the point lies outside the G2 subgroup
   */
  P2_Affine checkedPoint() {
    if (!isInSubgroup()) {
      throw new InvalidBlsEncodingException("BLS signature is not in the G2 subgroup");
    }
    return point;
  }

  /** Whether the point lies in the prime-order subgroup (computed once). */
  public boolean isInSubgroup() {
    Boolean known = inGroup;
    if (known == null) {
      known = point.in_group();
      inGroup = known;
    }
    return known;
  }

  public boolean isInfinity() {
    return point.is_inf();
  }

  /** The 96-byte compressed encoding. */
  public Bytes toBytes() {
    return compressed;
  }

  private static Bytes infinityBytes() {
    byte[] raw = new byte[96];
    raw[0] = (byte) 0xc0;
    return Bytes.wrap(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSignature other && compressed.equals(other.compressed);
  }

  @Override
  public int hashCode() {
    return compressed.hashCode();
  }

  @Override
  public String toString() {
    return "BlsSignature[" + compressed.toHexString() + "]";
  }
}
