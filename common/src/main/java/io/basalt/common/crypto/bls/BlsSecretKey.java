package io.basalt.common.crypto.bls;

import java.math.BigInteger;
import java.security.MessageDigest;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import supranational.blst.SecretKey;

/**
 * A BLS12-381 secret key: a scalar in {@code [1, r)} where {@code r} is the order of the
 * prime-order subgroups. Its serialized form is 32 bytes big-endian.
 *
 * <p>Immutable and safe to share between threads. {@link #toString()} never reveals the key.
 */
public final class BlsSecretKey {

  /** The order {@code r} of G1 and G2, the modulus of secret keys. */
  public static final BigInteger CURVE_ORDER =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private final SecretKey key;

  private BlsSecretKey(SecretKey key) {
    this.key = key;
  }

  /**
   * Reads a 32-byte big-endian secret key.
   *
   * @throws InvalidBlsEncodingException if the length is not 32, or the value is zero or not below
   *     the curve order
   */
  public static BlsSecretKey fromBytes(Bytes bytes) {
    if (bytes.size() != 32) {
      throw new InvalidBlsEncodingException(
          "A BLS secret key is 32 bytes, got " + bytes.size() + " bytes");
    }
    return fromScalar(bytes.toUnsignedBigInteger());
  }

  /**
   * Builds a key from its scalar value.
   *
   * @throws InvalidBlsEncodingException if the value is zero or not below the curve order
   */
  public static BlsSecretKey fromScalar(BigInteger value) {
    if (value.signum() <= 0) {
      throw new InvalidBlsEncodingException("A BLS secret key must not be zero");
    }
    if (value.compareTo(CURVE_ORDER) >= 0) {
      throw new InvalidBlsEncodingException("A BLS secret key must be below the curve order");
    }
    SecretKey key = new SecretKey();
    key.from_bendian(Bytes32.leftPad(Bytes.wrap(value.toByteArray()).trimLeadingZeros()).toArray());
    return new BlsSecretKey(key);
  }

  /** Wraps a key blst produced (keygen), rejecting the zero key blst uses to signal failure. */
  static BlsSecretKey fromBlst(SecretKey key) {
    if (Bytes.wrap(key.to_bendian()).isZero()) {
      throw new BlsException("Key generation produced the zero key");
    }
    return new BlsSecretKey(key);
  }

  SecretKey blst() {
    return key;
  }

  /** The 32-byte big-endian encoding. Handle with care: this is the secret. */
  public Bytes32 toBytes() {
    return Bytes32.wrap(key.to_bendian());
  }

  public BlsPublicKey publicKey() {
    return BlsPublicKey.fromSecretKey(this);
  }

  /** Constant-time comparison of the key bytes. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BlsSecretKey other
        && MessageDigest.isEqual(key.to_bendian(), other.key.to_bendian());
  }

  @Override
  public int hashCode() {
    // Deliberately uninformative: a hash code must not leak key bits into logs or maps.
    return 0x4b1;
  }

  @Override
  public String toString() {
    return "BlsSecretKey[redacted]";
  }
}
