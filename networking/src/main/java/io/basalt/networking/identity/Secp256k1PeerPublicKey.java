package io.basalt.networking.identity;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPublicKey;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import java.util.Arrays;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A secp256k1 identity key, encoded as the 33-byte SEC1 compressed point.
 *
 * <p>Signatures are ECDSA over SHA-256(data), DER-encoded. Only the compressed form is accepted
 * from peers: the peer id hashes the key bytes, so a second encoding of the same point would give
 * the same peer a second id.
 */
public final class Secp256k1PeerPublicKey implements PeerPublicKey {

  private final SecpPublicKey key;
  private final byte[] compressed;

  private Secp256k1PeerPublicKey(SecpPublicKey key) {
    this.key = key;
    this.compressed = key.toCompressed().toArray();
  }

  /** The libp2p identity of a secp256k1 public key. */
  public static Secp256k1PeerPublicKey of(SecpPublicKey key) {
    return new Secp256k1PeerPublicKey(key);
  }

  /**
   * Parses the 33-byte compressed encoding.
   *
   * @throws KeyFormatException if it has another length or is not a curve point
   */
  public static Secp256k1PeerPublicKey fromRaw(byte[] compressed) {
    if (compressed.length != 33) {
      throw new KeyFormatException(
          "A libp2p secp256k1 public key is 33 bytes (compressed), got " + compressed.length);
    }
    try {
      return new Secp256k1PeerPublicKey(SecpPublicKey.fromBytes(Bytes.wrap(compressed)));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(e.getMessage(), e);
    }
  }

  /** The underlying public key, for code that also uses it outside libp2p. */
  public SecpPublicKey secpPublicKey() {
    return key;
  }

  @Override
  public KeyType type() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] raw() {
    return compressed.clone();
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    Optional<DerSignature.Scalars> scalars = DerSignature.decode(signature);
    if (scalars.isEmpty()) {
      return false;
    }
    SecpSignature parsed;
    try {
      // The recovery id is not consulted by verification.
      parsed = new SecpSignature(scalars.get().r(), scalars.get().s(), 0);
    } catch (IllegalArgumentException e) {
      return false; // r or s outside [1, N-1]
    }
    return SecpEcdsa.getDefault().verify(Bytes32.wrap(Hash.sha256(data)), parsed, key);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secp256k1PeerPublicKey that
        && Arrays.equals(compressed, that.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "Secp256k1PeerPublicKey[" + Bytes.wrap(compressed).toHexString() + "]";
  }
}
