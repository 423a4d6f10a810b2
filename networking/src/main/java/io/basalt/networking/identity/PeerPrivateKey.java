package io.basalt.networking.identity;

/**
 * A node's own identity key. Basalt nodes use secp256k1; Ed25519 is supported so that tests (and
 * tools) can play a js-libp2p-like peer.
 *
 * <p>Implementations are immutable and thread-safe; {@code toString} never shows the secret.
 */
public sealed interface PeerPrivateKey permits Secp256k1PeerPrivateKey, Ed25519PeerPrivateKey {

  KeyType type();

  PeerPublicKey publicKey();

  /** Signs {@code data} under libp2p's rules for this key type. */
  byte[] sign(byte[] data);

  /** The {@code PrivateKey} protobuf (for key files). Handle with care: it holds the secret. */
  byte[] toProtobuf();

  default PeerId peerId() {
    return publicKey().toPeerId();
  }

  /**
   * Parses a {@code PrivateKey} protobuf.
   *
   * @throws UnsupportedKeyTypeException for RSA and ECDSA keys
   * @throws KeyFormatException if the protobuf or the key inside it is malformed
   */
  static PeerPrivateKey fromProtobuf(byte[] encoded) {
    KeyProtobuf proto = KeyProtobuf.decode(encoded);
    return switch (proto.type()) {
      case SECP256K1 -> Secp256k1PeerPrivateKey.fromRaw(proto.data());
      case ED25519 -> Ed25519PeerPrivateKey.fromRaw(proto.data());
      case RSA, ECDSA -> throw new UnsupportedKeyTypeException(proto.type());
    };
  }
}
