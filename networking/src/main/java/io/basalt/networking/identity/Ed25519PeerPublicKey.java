package io.basalt.networking.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 identity key (the js-libp2p default), the raw 32-byte RFC 8032 encoding; signatures
 * are plain Ed25519, verified with the JDK.
 */
public final class Ed25519PeerPublicKey implements PeerPublicKey {

  // SubjectPublicKeyInfo header for id-Ed25519 (OID 1.3.101.112), followed by the 32 key bytes.
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final byte[] raw;
  private final PublicKey jdkKey;

  private Ed25519PeerPublicKey(byte[] raw, PublicKey jdkKey) {
    this.raw = raw;
    this.jdkKey = jdkKey;
  }

  /**
   * Parses the raw 32-byte key.
   *
   * @throws KeyFormatException if it has another length or the JDK rejects it
   */
  public static Ed25519PeerPublicKey fromRaw(byte[] raw) {
    if (raw.length != 32) {
      throw new KeyFormatException("An Ed25519 public key is 32 bytes, got " + raw.length);
    }
    byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, x509, X509_PREFIX.length, 32);
    try {
      PublicKey key =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
      return new Ed25519PeerPublicKey(raw.clone(), key);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new KeyFormatException("Not an Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /** The raw encoding of a JDK key: y little-endian, the parity of x in the top bit. */
  static Ed25519PeerPublicKey of(EdECPublicKey key) {
    byte[] bigEndian = key.getPoint().getY().toByteArray();
    byte[] raw = new byte[32];
    for (int i = 0; i < Math.min(32, bigEndian.length); i++) {
      raw[i] = bigEndian[bigEndian.length - 1 - i];
    }
    if (key.getPoint().isXOdd()) {
      raw[31] |= (byte) 0x80;
    }
    return new Ed25519PeerPublicKey(raw, key);
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(jdkKey);
      verifier.update(data);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // An encoding the JDK cannot decode as a point is simply not a valid signature here.
      return false;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ed25519PeerPublicKey that && Arrays.equals(raw, that.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519PeerPublicKey[" + HexFormat.of().formatHex(raw) + "]";
  }
}
