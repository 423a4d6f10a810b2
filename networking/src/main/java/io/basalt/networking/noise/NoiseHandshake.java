package io.basalt.networking.noise;

import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.PeerPrivateKey;
import io.basalt.networking.identity.PeerPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The libp2p Noise handshake, {@code Noise_XX_25519_ChaChaPoly_SHA256} with an empty prologue, as a
 * pure state machine over unframed handshake messages:
 *
 * <pre>
 *   -> e                      (initiator, empty payload)
 *   &lt;- e, ee, s, es           (responder, its libp2p payload)
 *   -> s, se                  (initiator, its libp2p payload)
 * </pre>
 *
 * <p>Each payload carries the sender's libp2p identity key and its signature over {@code
 * "noise-libp2p-static-key:" || static X25519 key}; a received payload is verified and gives the
 * remote {@link PeerId}, which the initiator checks against the peer it meant to dial. Call {@link
 * #writeMessage()} when {@link #isMyTurn()}, {@link #readMessage(byte[])} otherwise, until {@link
 * #isComplete()}; then take the {@link #session()}. Not thread-safe. Any {@link NoiseException}
 * leaves the handshake failed.
 */
public final class NoiseHandshake {

  public static final String PROTOCOL_ID = "/noise";
  public static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
  static final byte[] SIGNATURE_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);

  private final XxHandshakeState xx;
  private final byte[] localPayload;
  private final Optional<PeerId> expectedRemote;

  private boolean failed;
  private PeerId remotePeerId;
  private NoiseExtensions remoteExtensions = NoiseExtensions.NONE;
  private NoiseSession session;

  private NoiseHandshake(
      boolean initiator,
      PeerPrivateKey identity,
      X25519KeyPair staticKey,
      X25519KeyPair ephemeralKey,
      NoiseExtensions extensions,
      Optional<PeerId> expectedRemote) {
    this.xx = new XxHandshakeState(PROTOCOL_NAME, initiator, new byte[0], staticKey, ephemeralKey);
    this.expectedRemote = expectedRemote;
    byte[] signature =
        identity.sign(XxHandshakeState.concat(SIGNATURE_PREFIX, staticKey.publicKey()));
    this.localPayload =
        new NoiseHandshakePayload(
                identity.publicKey().toProtobuf(),
                signature,
                extensions.isEmpty() ? Optional.empty() : Optional.of(extensions))
            .encode();
  }

  /**
   * The dialer's handshake.
   *
   * @param expectedRemote the peer being dialled, if known; another identity fails the handshake
   */
  public static NoiseHandshake initiator(
      PeerPrivateKey identity, Optional<PeerId> expectedRemote, SecureRandom random) {
    return initiator(
        identity,
        X25519KeyPair.generate(random),
        X25519KeyPair.generate(random),
        NoiseExtensions.NONE,
        expectedRemote);
  }

  /** The listener's handshake. */
  public static NoiseHandshake responder(PeerPrivateKey identity, SecureRandom random) {
    return responder(
        identity,
        X25519KeyPair.generate(random),
        X25519KeyPair.generate(random),
        NoiseExtensions.NONE);
  }

  /** The dialer's handshake with chosen keys and extensions (tests use fixed keys). */
  public static NoiseHandshake initiator(
      PeerPrivateKey identity,
      X25519KeyPair staticKey,
      X25519KeyPair ephemeralKey,
      NoiseExtensions extensions,
      Optional<PeerId> expectedRemote) {
    return new NoiseHandshake(true, identity, staticKey, ephemeralKey, extensions, expectedRemote);
  }

  /** The listener's handshake with chosen keys and extensions. */
  public static NoiseHandshake responder(
      PeerPrivateKey identity,
      X25519KeyPair staticKey,
      X25519KeyPair ephemeralKey,
      NoiseExtensions extensions) {
    return new NoiseHandshake(
        false, identity, staticKey, ephemeralKey, extensions, Optional.empty());
  }

  public boolean isInitiator() {
    return xx.isInitiator();
  }

  /** Whether the next step is to write a message (else to read one, or complete). */
  public boolean isMyTurn() {
    return !failed && xx.isMyTurn();
  }

  public boolean isComplete() {
    return xx.isComplete();
  }

  /** The next handshake message to send, without its 2-byte frame. */
  public byte[] writeMessage() {
    checkUsable();
    if (!xx.isMyTurn()) {
      throw new IllegalStateException("Not this side's turn to write (message " + xx.step() + ")");
    }
    // libp2p sends no payload in the first message; the identity goes in messages 2 and 3.
    byte[] message;
    try {
      message = xx.writeMessage(xx.step() == 0 ? new byte[0] : localPayload);
    } catch (NoiseException e) {
      failed = true; // a small-order key from the peer
      throw e;
    }
    completeIfDone();
    return message;
  }

  /**
   * Processes a handshake message from the peer, its 2-byte frame removed.
   *
   * @throws NoiseException if it is malformed, does not decrypt, carries an invalid identity or not
   *     the expected peer
   */
  public void readMessage(byte[] message) {
    checkUsable();
    if (xx.isMyTurn() || xx.isComplete()) {
      throw new IllegalStateException("Not this side's turn to read (message " + xx.step() + ")");
    }
    try {
      int step = xx.step();
      byte[] payload = xx.readMessage(message);
      // Message 1's payload is empty in libp2p; anything there was hashed and is ignored.
      if (step > 0) {
        authenticate(payload, xx.remoteStatic());
      }
    } catch (NoiseException e) {
      failed = true;
      throw e;
    }
    completeIfDone();
  }

  /** The transport session, once complete. */
  public NoiseSession session() {
    if (!isComplete()) {
      throw new IllegalStateException("Noise handshake not complete");
    }
    return session;
  }

  /** The authenticated remote peer, once its payload has been read. */
  public Optional<PeerId> remotePeerId() {
    return Optional.ofNullable(remotePeerId);
  }

  /** Verifies the remote payload against its static key and learns the remote peer id. */
  private void authenticate(byte[] encodedPayload, byte[] remoteStatic) {
    NoiseHandshakePayload payload = NoiseHandshakePayload.decode(encodedPayload);
    PeerPublicKey identityKey;
    try {
      identityKey = PeerPublicKey.fromProtobuf(payload.identityKey());
    } catch (KeyFormatException e) {
      throw new NoiseException("Peer sent an unusable identity key: " + e.getMessage(), e);
    }
    if (!identityKey.verify(
        XxHandshakeState.concat(SIGNATURE_PREFIX, remoteStatic), payload.identitySig())) {
      throw new NoiseException("Peer's signature over its Noise static key is invalid");
    }
    PeerId peerId = identityKey.toPeerId();
    if (expectedRemote.isPresent() && !expectedRemote.get().equals(peerId)) {
      throw new NoiseException(
          "Dialled " + expectedRemote.get() + " but the peer authenticated as " + peerId);
    }
    remotePeerId = peerId;
    remoteExtensions = payload.extensions().orElse(NoiseExtensions.NONE);
  }

  private void completeIfDone() {
    if (xx.isComplete() && session == null) {
      CipherState[] ciphers = xx.split();
      session =
          new NoiseSession(
              ciphers[0], ciphers[1], remotePeerId, remoteExtensions, xx.handshakeHash());
    }
  }

  private void checkUsable() {
    if (failed) {
      throw new IllegalStateException("Noise handshake already failed");
    }
  }
}
