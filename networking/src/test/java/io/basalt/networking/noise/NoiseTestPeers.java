package io.basalt.networking.noise;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.PeerPrivateKey;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Fixed identities and X25519 keys so that handshakes in tests are reproducible. */
final class NoiseTestPeers {

  static final Secp256k1PeerPrivateKey INITIATOR_IDENTITY =
      Secp256k1PeerPrivateKey.fromRaw(
          HexFormat.of()
              .parseHex("53DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB"));
  static final Secp256k1PeerPrivateKey RESPONDER_IDENTITY =
      Secp256k1PeerPrivateKey.fromRaw(fill(0x11));

  private NoiseTestPeers() {}

  static X25519KeyPair key(int filler) {
    return X25519KeyPair.fromPrivateKey(fill(filler));
  }

  static byte[] fill(int value) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  static NoiseHandshake initiator(Optional<PeerId> expected) {
    return initiator(INITIATOR_IDENTITY, expected);
  }

  static NoiseHandshake initiator(PeerPrivateKey identity, Optional<PeerId> expected) {
    return NoiseHandshake.initiator(identity, key(0x21), key(0x22), NoiseExtensions.NONE, expected);
  }

  static NoiseHandshake responder() {
    return NoiseHandshake.responder(RESPONDER_IDENTITY, key(0x31), key(0x32), NoiseExtensions.NONE);
  }

  /** Runs the three messages; returns them in order. */
  static List<byte[]> run(NoiseHandshake initiator, NoiseHandshake responder) {
    List<byte[]> messages = new ArrayList<>();
    byte[] first = initiator.writeMessage();
    messages.add(first);
    responder.readMessage(first);
    byte[] second = responder.writeMessage();
    messages.add(second);
    initiator.readMessage(second);
    byte[] third = initiator.writeMessage();
    messages.add(third);
    responder.readMessage(third);
    return messages;
  }
}
