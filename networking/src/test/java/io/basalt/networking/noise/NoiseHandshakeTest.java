package io.basalt.networking.noise;

import static io.basalt.networking.noise.NoiseTestPeers.INITIATOR_IDENTITY;
import static io.basalt.networking.noise.NoiseTestPeers.RESPONDER_IDENTITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.networking.identity.Ed25519PeerPrivateKey;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseHandshakeTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void shouldProduceTheSameTranscriptAndKeysForFixedKeys() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.of(RESPONDER_IDENTITY.peerId()));
    NoiseHandshake responder = NoiseTestPeers.responder();
    List<byte[]> messages = NoiseTestPeers.run(initiator, responder);

    int payload = payloadLength(INITIATOR_IDENTITY, NoiseTestPeers.key(0x21));
    assertThat(messages.get(0)).isEqualTo(NoiseTestPeers.key(0x22).publicKey());
    assertThat(messages.get(1))
        .hasSize(32 + 48 + payloadLength(RESPONDER_IDENTITY, NoiseTestPeers.key(0x31)) + 16);
    assertThat(messages.get(2)).hasSize(48 + payload + 16);
    // Everything is deterministic (fixed X25519 keys, RFC 6979 signatures), so the transcript is
    // too; this pins it against accidental changes to the wire format.
    assertThat(HEX.formatHex(Hash.sha256(concat(messages)))).isEqualTo(TRANSCRIPT_SHA256);

    assertThat(initiator.isComplete()).isTrue();
    assertThat(responder.isComplete()).isTrue();
    NoiseSession a = initiator.session();
    NoiseSession b = responder.session();
    assertThat(a.handshakeHash()).isEqualTo(b.handshakeHash());
    assertThat(a.remotePeerId()).isEqualTo(RESPONDER_IDENTITY.peerId());
    assertThat(b.remotePeerId()).isEqualTo(INITIATOR_IDENTITY.peerId());
    // Same keys both ways: what one side encrypts the other decrypts.
    assertThat(b.decryptMessage(a.encryptMessage(new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
    assertThat(a.decryptMessage(b.encryptMessage(new byte[] {4}))).containsExactly(4);
  }

  static final String TRANSCRIPT_SHA256 =
      "90408de407c6e7f03975eb5e4b48f8b963bb503905df0bc527571c14bc514602";

  private static int payloadLength(Secp256k1PeerPrivateKey identity, X25519KeyPair staticKey) {
    byte[] signature =
        identity.sign(concat(List.of(NoiseHandshake.SIGNATURE_PREFIX, staticKey.publicKey())));
    // field 1: tag, length, 37-byte key protobuf; field 2: tag, length, DER signature
    return 2 + 37 + 2 + signature.length;
  }

  @Test
  void shouldComputeX25519AsInRfc7748() {
    X25519KeyPair alice =
        X25519KeyPair.fromPrivateKey(
            HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
    X25519KeyPair bob =
        X25519KeyPair.fromPrivateKey(
            HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    assertThat(HEX.formatHex(alice.publicKey()))
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(HEX.formatHex(bob.publicKey()))
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assertThat(HEX.formatHex(alice.dh(bob.publicKey())))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  @Test
  void shouldRejectASmallOrderX25519Key() {
    assertThatThrownBy(() -> NoiseTestPeers.key(0x41).dh(new byte[32]))
        .isInstanceOf(NoiseException.class);
  }

  @Test
  void shouldDeriveHkdfOutputsAsRfc5869() {
    // RFC 5869 test case 3 (empty salt = an all-zero HMAC key, empty info).
    byte[][] out =
        SymmetricState.hkdf(new byte[32], NoiseTestPeers.fill(0x0b).length == 32 ? ikm() : null);
    assertThat(HEX.formatHex(out[0]) + HEX.formatHex(out[1]).substring(0, 20))
        .isEqualTo(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
  }

  private static byte[] ikm() {
    byte[] ikm = new byte[22];
    java.util.Arrays.fill(ikm, (byte) 0x0b);
    return ikm;
  }

  @Test
  void shouldFailWhenTheSecondMessageIsTampered() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    responder.readMessage(initiator.writeMessage());
    byte[] second = responder.writeMessage();
    second[40] ^= 1; // inside the encrypted static key
    assertThatThrownBy(() -> initiator.readMessage(second))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("authentication");
    assertThatThrownBy(initiator::writeMessage).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldFailWhenTheThirdMessageIsTampered() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    responder.readMessage(initiator.writeMessage());
    initiator.readMessage(responder.writeMessage());
    byte[] third = initiator.writeMessage();
    third[third.length - 1] ^= 1; // the payload's tag
    assertThatThrownBy(() -> responder.readMessage(third)).isInstanceOf(NoiseException.class);
  }

  @Test
  void shouldFailWhenTheFirstEphemeralKeyIsReplaced() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    byte[] first = initiator.writeMessage();
    first[0] ^= 1; // a man in the middle swapping e: the hashes diverge
    responder.readMessage(first);
    assertThatThrownBy(() -> initiator.readMessage(responder.writeMessage()))
        .isInstanceOf(NoiseException.class);
  }

  @Test
  void shouldFailWhenThePeerIsNotTheOneDialled() {
    NoiseHandshake initiator =
        NoiseTestPeers.initiator(
            Optional.of(Secp256k1PeerPrivateKey.random(new SecureRandom()).peerId()));
    NoiseHandshake responder = NoiseTestPeers.responder();
    responder.readMessage(initiator.writeMessage());
    assertThatThrownBy(() -> initiator.readMessage(responder.writeMessage()))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("Dialled")
        .hasMessageContaining(RESPONDER_IDENTITY.peerId().toString());
  }

  @Test
  void shouldAuthenticateAnEd25519Peer() {
    Ed25519PeerPrivateKey jsLike = Ed25519PeerPrivateKey.random(new SecureRandom());
    NoiseHandshake initiator = NoiseTestPeers.initiator(jsLike, Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    NoiseTestPeers.run(initiator, responder);
    assertThat(responder.session().remotePeerId()).isEqualTo(jsLike.peerId());
    assertThat(responder.session().remotePeerId().toString()).startsWith("12D3KooW");
  }

  @Test
  void shouldSplitLargePlaintextIntoMaximalFrames() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    NoiseTestPeers.run(initiator, responder);
    byte[] plaintext = new byte[200_000];
    new SecureRandom().nextBytes(plaintext);

    byte[] wire = initiator.session().encrypt(plaintext);
    ByteBuffer in = ByteBuffer.wrap(wire);
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    int frames = 0;
    Optional<byte[]> frame;
    while ((frame = NoiseFrames.read(in)).isPresent()) {
      assertThat(frame.get().length).isLessThanOrEqualTo(NoiseFrames.MAX_MESSAGE_LENGTH);
      received.writeBytes(responder.session().decryptMessage(frame.get()));
      frames++;
    }
    assertThat(in.hasRemaining()).isFalse();
    assertThat(frames).isEqualTo(4); // ceil(200000 / 65519)
    assertThat(received.toByteArray()).isEqualTo(plaintext);
    assertThat(initiator.session().sendNonce()).isEqualTo(4);
    assertThat(responder.session().receiveNonce()).isEqualTo(4);
  }

  @Test
  void shouldIncrementNoncesAndRejectReplays() {
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    NoiseHandshake responder = NoiseTestPeers.responder();
    NoiseTestPeers.run(initiator, responder);
    NoiseSession sender = initiator.session();
    NoiseSession receiver = responder.session();
    byte[] first = sender.encryptMessage(new byte[] {1});
    byte[] second = sender.encryptMessage(new byte[] {1});
    assertThat(first).isNotEqualTo(second); // same plaintext, new nonce
    assertThat(sender.sendNonce()).isEqualTo(2);
    receiver.decryptMessage(first);
    assertThat(receiver.receiveNonce()).isEqualTo(1);
    assertThatThrownBy(() -> receiver.decryptMessage(first)).isInstanceOf(NoiseException.class);
    assertThat(receiver.receiveNonce()).isEqualTo(1);
    assertThat(receiver.decryptMessage(second)).containsExactly(1);
  }

  @Test
  void shouldRejectTruncatedHandshakeMessages() {
    NoiseHandshake responder = NoiseTestPeers.responder();
    assertThatThrownBy(() -> responder.readMessage(new byte[31]))
        .isInstanceOf(NoiseException.class);
    NoiseHandshake initiator = NoiseTestPeers.initiator(Optional.empty());
    initiator.writeMessage();
    assertThatThrownBy(() -> initiator.readMessage(new byte[95]))
        .isInstanceOf(NoiseException.class);
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
