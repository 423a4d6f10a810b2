package io.basalt.networking.identity;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import java.security.SecureRandom;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A secp256k1 identity key: the 32-byte scalar, signing ECDSA over SHA-256 with DER output. */
public final class Secp256k1PeerPrivateKey implements PeerPrivateKey {

  private final SecpPrivateKey key;
  private final Secp256k1PeerPublicKey publicKey;

  private Secp256k1PeerPrivateKey(SecpPrivateKey key) {
    this.key = key;
    this.publicKey = Secp256k1PeerPublicKey.of(SecpEcdsa.getDefault().publicKeyOf(key));
  }

  public static Secp256k1PeerPrivateKey of(SecpPrivateKey key) {
    return new Secp256k1PeerPrivateKey(key);
  }

  public static Secp256k1PeerPrivateKey random(SecureRandom random) {
    return new Secp256k1PeerPrivateKey(SecpPrivateKey.random(random));
  }

  /**
   * Parses the 32-byte scalar.
   *
   * @throws KeyFormatException if it has another length or is not in [1, N-1]
   */
  public static Secp256k1PeerPrivateKey fromRaw(byte[] scalar) {
    try {
      return new Secp256k1PeerPrivateKey(SecpPrivateKey.fromBytes(Bytes.wrap(scalar.clone())));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(e.getMessage(), e);
    }
  }

  @Override
  public KeyType type() {
    return KeyType.SECP256K1;
  }

  @Override
  public Secp256k1PeerPublicKey publicKey() {
    return publicKey;
  }

  /** Deterministic (RFC 6979) low-s ECDSA over SHA-256(data), DER-encoded. */
  @Override
  public byte[] sign(byte[] data) {
    SecpSignature signature = SecpEcdsa.getDefault().sign(Bytes32.wrap(Hash.sha256(data)), key);
    return DerSignature.encode(signature.r(), signature.s());
  }

  @Override
  public byte[] toProtobuf() {
    return new KeyProtobuf(KeyType.SECP256K1, key.toBytes().toArray()).encode();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secp256k1PeerPrivateKey that && key.equals(that.key);
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  @Override
  public String toString() {
    return "Secp256k1PeerPrivateKey[" + publicKey.toPeerId() + "]";
  }
}
