package io.basalt.networking.identity;

/**
 * A peer's public identity key as libp2p exchanges it.
 *
 * <p>Implementations are immutable and thread-safe; {@link #verify} returns false for any invalid
 * signature and never throws.
 */
public sealed interface PeerPublicKey permits Secp256k1PeerPublicKey, Ed25519PeerPublicKey {

  KeyType type();

  /** The key's own encoding, the {@code Data} field of the protobuf. */
  byte[] raw();

  /** Whether {@code signature} is this key's signature of {@code data} under libp2p's rules. */
  boolean verify(byte[] data, byte[] signature);

  /** The deterministic {@code PublicKey} protobuf that peer ids are derived from. */
  default byte[] toProtobuf() {
    return new KeyProtobuf(type(), raw()).encode();
  }

  /** This key's peer id. */
  default PeerId toPeerId() {
    return PeerId.fromPublicKey(this);
  }

  /**
   * Parses a {@code PublicKey} protobuf.
   *
   * @throws UnsupportedKeyTypeException for RSA and ECDSA keys
   * @throws KeyFormatException if the protobuf or the key inside it is malformed
   */
  static PeerPublicKey fromProtobuf(byte[] encoded) {
    KeyProtobuf proto = KeyProtobuf.decode(encoded);
    return switch (proto.type()) {
      case SECP256K1 -> Secp256k1PeerPublicKey.fromRaw(proto.data());
      case ED25519 -> Ed25519PeerPublicKey.fromRaw(proto.data());
      case RSA, ECDSA -> throw new UnsupportedKeyTypeException(proto.type());
    };
  }
}
