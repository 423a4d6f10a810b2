package io.basalt.networking.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.KeyAgreement;

/**
 * An X25519 key pair over the JDK, with keys in their RFC 7748 32-byte forms (the public key is the
 * little-endian u-coordinate, as Noise sends it). {@code toString} hides the private key.
 */
public final class X25519KeyPair {

  private static final BigInteger BASE_POINT_U = BigInteger.valueOf(9);

  private final PrivateKey privateKey;
  private final byte[] publicKey;

  private X25519KeyPair(PrivateKey privateKey, byte[] publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static X25519KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      generator.initialize(NamedParameterSpec.X25519, random);
      KeyPair pair = generator.generateKeyPair();
      return new X25519KeyPair(
          pair.getPrivate(), toLittleEndian(((XECPublicKey) pair.getPublic()).getU()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no X25519", e);
    }
  }

  /** The pair for a fixed 32-byte private scalar (tests use this for reproducible handshakes). */
  public static X25519KeyPair fromPrivateKey(byte[] scalar) {
    if (scalar.length != 32) {
      throw new IllegalArgumentException("An X25519 private key is 32 bytes");
    }
    try {
      PrivateKey key =
          KeyFactory.getInstance("X25519")
              .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
      // The public key is the shared secret with the base point u = 9.
      return new X25519KeyPair(key, agree(key, publicKeyFromU(BASE_POINT_U)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no X25519", e);
    }
  }

  /** The 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The private scalar, when the JDK exposes it. Handle with care. */
  byte[] privateScalar() {
    return ((XECPrivateKey) privateKey).getScalar().orElseThrow();
  }

  /**
   * X25519(private, remote public).
   *
   * @throws NoiseException if the remote key has small order (the shared secret would be zero)
   */
  public byte[] dh(byte[] remotePublicKey) {
    if (remotePublicKey.length != 32) {
      throw new NoiseException("An X25519 public key is 32 bytes, got " + remotePublicKey.length);
    }
    byte[] masked = remotePublicKey.clone();
    masked[31] &= 0x7F; // RFC 7748: the top bit of the u-coordinate is ignored
    try {
      return agree(privateKey, publicKeyFromU(new BigInteger(1, reverse(masked))));
    } catch (GeneralSecurityException e) {
      throw new NoiseException("X25519 with the peer's key failed: " + e.getMessage(), e);
    }
  }

  private static PublicKey publicKeyFromU(BigInteger u) throws GeneralSecurityException {
    return KeyFactory.getInstance("X25519")
        .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
  }

  private static byte[] agree(PrivateKey privateKey, PublicKey publicKey)
      throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(privateKey);
    agreement.doPhase(publicKey, true);
    return agreement.generateSecret();
  }

  private static byte[] toLittleEndian(BigInteger u) {
    byte[] bigEndian = u.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }

  @Override
  public String toString() {
    return "X25519KeyPair[public=" + HexFormat.of().formatHex(publicKey) + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof X25519KeyPair that && Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }
}
