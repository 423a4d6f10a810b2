package io.basalt.common.crypto.secp256k1;

import io.basalt.common.crypto.Hash;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A secp256k1 private key: a 32-byte big-endian scalar k with 0 < k < N.
 *
 * <p>Immutable; {@link #toString()} never shows the key, and {@link #equals} compares in constant
 * time so key comparisons leak nothing through timing.
 */
public final class SecpPrivateKey {

  private final byte[] bytes;
  private volatile byte[] publicKey;

  private SecpPrivateKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The key with these 32 bytes.
   *
   * @throws IllegalArgumentException if the input is not 32 bytes or not in [1, N-1]
   */
  public static SecpPrivateKey fromBytes(Bytes bytes) {
    if (bytes.size() != 32) {
      throw new IllegalArgumentException(
          "A secp256k1 private key is 32 bytes, got " + bytes.size());
    }
    byte[] copy = bytes.toArray();
    if (!SecpCurve.isValidScalar(new BigInteger(1, copy))) {
      throw new IllegalArgumentException(
          "A secp256k1 private key must be greater than zero and less than the curve order N");
    }
    return new SecpPrivateKey(copy);
  }

  /** The key written as 64 hex digits, with or without {@code 0x}. */
  public static SecpPrivateKey fromHexString(String hex) {
    Bytes bytes;
    try {
      bytes = Bytes.fromHexString(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A secp256k1 private key must be hex: " + e.getMessage());
    }
    return fromBytes(bytes);
  }

  /** A uniformly random key drawn from {@code random}. */
  public static SecpPrivateKey random(SecureRandom random) {
    byte[] candidate = new byte[32];
    while (true) {
      random.nextBytes(candidate);
      if (SecpCurve.isValidScalar(new BigInteger(1, candidate))) {
        return new SecpPrivateKey(candidate.clone());
      }
    }
  }

  /** A copy of the 32 key bytes. Handle with care: this is the secret. */
  public Bytes32 toBytes() {
    return Bytes32.wrap(bytes.clone());
  }

  /** The key bytes themselves, for the signer implementations; callers must not modify them. */
  byte[] bytesUnsafe() {
    return bytes;
  }

  /**
   * The public key's encoding as {@code derive} computes it from the key bytes, derived once (a
   * signer that needs it for every signature derives it only for the first).
   */
  byte[] publicKeyBytes(UnaryOperator<byte[]> derive) {
    byte[] known = publicKey;
    if (known == null) {
      known = derive.apply(bytes);
      publicKey = known;
    }
    return known;
  }

  BigInteger toBigInteger() {
    return new BigInteger(1, bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecpPrivateKey that && MessageDigest.isEqual(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    // Hashed first so that a logged hash code reveals nothing about the key bits.
    return Arrays.hashCode(Hash.sha256(bytes));
  }

  @Override
  public String toString() {
    return "SecpPrivateKey[hidden]";
  }
}
