package io.basalt.networking.identity;

import io.basalt.common.crypto.Hash;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer id: the multihash of the peer's {@code PublicKey} protobuf, the identity multihash
 * when that protobuf is at most 42 bytes (secp256k1 and Ed25519 keys), sha2-256 otherwise.
 *
 * <p>Its text form is the bare base58btc multihash: {@code 16Uiu2…} for secp256k1 keys, {@code
 * 12D3KooW…} for Ed25519. Immutable; equal when the multihash bytes are equal.
 */
public final class PeerId {

  /** Protobufs up to this size are inlined with the identity multihash. */
  public static final int MAX_INLINE_KEY_LENGTH = 42;

  private final byte[] bytes;

  private PeerId(byte[] bytes) {
    this.bytes = bytes;
  }

  public static PeerId fromPublicKey(PeerPublicKey key) {
    byte[] protobuf = key.toProtobuf();
    Multihash multihash =
        protobuf.length <= MAX_INLINE_KEY_LENGTH
            ? new Multihash(Multihash.IDENTITY, protobuf)
            : new Multihash(Multihash.SHA2_256, Hash.sha256(protobuf));
    return new PeerId(multihash.encode());
  }

  /**
   * The peer id with these multihash bytes.
   *
   * @throws KeyFormatException if they are not an identity or sha2-256 multihash
   */
  public static PeerId fromBytes(byte[] multihash) {
    Multihash.decode(multihash);
    return new PeerId(multihash.clone());
  }

  /**
   * Parses the base58btc text form.
   *
   * @throws KeyFormatException if it is not base58 or not a valid multihash
   */
  public static PeerId fromString(String text) {
    if (text.isEmpty() || text.length() > 2 * Multihash.MAX_IDENTITY_DIGEST) {
      throw new KeyFormatException("Peer id string of length " + text.length());
    }
    return fromBytes(Base58.decode(text));
  }

  /** The multihash bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  public String toBase58() {
    return Base58.encode(bytes);
  }

  /**
   * The public key inlined in an identity-multihash peer id; empty for sha2-256 ids.
   *
   * @throws KeyFormatException if the inlined bytes are not a supported public key
   */
  public Optional<PeerPublicKey> extractPublicKey() {
    Multihash multihash = Multihash.decode(bytes);
    if (multihash.code() != Multihash.IDENTITY) {
      return Optional.empty();
    }
    return Optional.of(PeerPublicKey.fromProtobuf(multihash.digest()));
  }

  /** Whether {@code key} is the key this id was derived from. */
  public boolean matches(PeerPublicKey key) {
    return equals(fromPublicKey(key));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PeerId that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toBase58();
  }
}
