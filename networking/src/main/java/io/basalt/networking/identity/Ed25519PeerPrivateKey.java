package io.basalt.networking.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 identity key held as its 32-byte seed and public key; the protobuf {@code Data} is
 * {@code seed || public} (64 bytes), the legacy 96-byte {@code seed || public || public} is also
 * read.
 */
public final class Ed25519PeerPrivateKey implements PeerPrivateKey {

  private final byte[] seed;
  private final PrivateKey jdkKey;
  private final Ed25519PeerPublicKey publicKey;

  private Ed25519PeerPrivateKey(byte[] seed, PrivateKey jdkKey, Ed25519PeerPublicKey publicKey) {
    this.seed = seed;
    this.jdkKey = jdkKey;
    this.publicKey = publicKey;
  }

  public static Ed25519PeerPrivateKey random(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      EdECPrivateKey privateKey = (EdECPrivateKey) pair.getPrivate();
      byte[] seed =
          privateKey
              .getBytes()
              .orElseThrow(() -> new IllegalStateException("JDK Ed25519 key without its seed"));
      return new Ed25519PeerPrivateKey(
          seed, privateKey, Ed25519PeerPublicKey.of((EdECPublicKey) pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no Ed25519", e);
    }
  }

  /**
   * Parses {@code seed || public} (64 bytes) or the legacy {@code seed || public || public}.
   *
   * @throws KeyFormatException if the length is wrong or the public key does not match the seed
   */
  public static Ed25519PeerPrivateKey fromRaw(byte[] data) {
    if (data.length != 64 && data.length != 96) {
      throw new KeyFormatException("An Ed25519 private key is 64 bytes, got " + data.length);
    }
    if (data.length == 96 && !Arrays.equals(data, 32, 64, data, 64, 96)) {
      throw new KeyFormatException("Legacy Ed25519 private key with two different public keys");
    }
    byte[] seed = Arrays.copyOfRange(data, 0, 32);
    Ed25519PeerPublicKey publicKey = Ed25519PeerPublicKey.fromRaw(Arrays.copyOfRange(data, 32, 64));
    PrivateKey jdkKey;
    try {
      jdkKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("Not an Ed25519 private key: " + e.getMessage(), e);
    }
    Ed25519PeerPrivateKey key = new Ed25519PeerPrivateKey(seed, jdkKey, publicKey);
    // The JDK cannot derive the public key from a seed, so prove the pair matches by using it.
    byte[] probe = "basalt-ed25519-key-check".getBytes(StandardCharsets.US_ASCII);
    if (!publicKey.verify(probe, key.sign(probe))) {
      throw new KeyFormatException("Ed25519 private key does not match its public key");
    }
    return key;
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public Ed25519PeerPublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(jdkKey);
      signer.update(data);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public byte[] toProtobuf() {
    byte[] data = Arrays.copyOf(seed, 64);
    System.arraycopy(publicKey.raw(), 0, data, 32, 32);
    return new KeyProtobuf(KeyType.ED25519, data).encode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ed25519PeerPrivateKey that && MessageDigest.isEqual(seed, that.seed);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Ed25519PeerPrivateKey[" + publicKey.toPeerId() + "]";
  }
}
