package io.basalt.networking.noise;

import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.PeerPrivateKey;
import io.basalt.networking.identity.PeerPublicKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The libp2p Noise handshake, {@code Noise_XX_25519_ChaChaPoly_SHA256} with an empty prologue, as a
 * pure state machine over unframed handshake messages:
 *
 * <pre>
 *   -> e                      (initiator, empty payload)
 *   <- e, ee, s, es           (responder, its libp2p payload)
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

  private static final int DH_LENGTH = 32;
  private static final int ENCRYPTED_KEY_LENGTH = DH_LENGTH + CipherState.TAG_LENGTH;

  private final boolean initiator;
  private final X25519KeyPair staticKey;
  private final X25519KeyPair ephemeralKey;
  private final byte[] localPayload;
  private final Optional<PeerId> expectedRemote;
  private final SymmetricState state = new SymmetricState(PROTOCOL_NAME);

  private int step; // 0, 1, 2: index of the next message; 3 when complete
  private boolean failed;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
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
    this.initiator = initiator;
    this.staticKey = staticKey;
    this.ephemeralKey = ephemeralKey;
    this.expectedRemote = expectedRemote;
    byte[] signature = identity.sign(concat(SIGNATURE_PREFIX, staticKey.publicKey()));
    this.localPayload =
        new NoiseHandshakePayload(
                identity.publicKey().toProtobuf(),
                signature,
                extensions.isEmpty() ? Optional.empty() : Optional.of(extensions))
            .encode();
    state.mixHash(new byte[0]); // the empty prologue
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
    return initiator;
  }

  /** Whether the next step is to write a message (else to read one, or complete). */
  public boolean isMyTurn() {
    return !isComplete() && (step % 2 == 0) == initiator;
  }

  public boolean isComplete() {
    return step == 3;
  }

  /** The next handshake message to send, without its 2-byte frame. */
  public byte[] writeMessage() {
    checkUsable();
    if (!isMyTurn()) {
      throw new IllegalStateException("Not this side's turn to write (message " + step + ")");
    }
    byte[] message =
        switch (step) {
          case 0 -> writeFirst();
          case 1 -> writeSecond();
          default -> writeThird();
        };
    advance();
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
    if (isMyTurn() || isComplete()) {
      throw new IllegalStateException("Not this side's turn to read (message " + step + ")");
    }
    try {
      switch (step) {
        case 0 -> readFirst(message);
        case 1 -> readSecond(message);
        default -> readThird(message);
      }
    } catch (NoiseException e) {
      failed = true;
      throw e;
    }
    advance();
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

  // -> e
  private byte[] writeFirst() {
    byte[] e = ephemeralKey.publicKey();
    state.mixHash(e);
    return concat(e, state.encryptAndHash(new byte[0]));
  }

  private void readFirst(byte[] message) {
    if (message.length < DH_LENGTH) {
      throw new NoiseException("First Noise message of " + message.length + " bytes, need 32");
    }
    remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
    state.mixHash(remoteEphemeral);
    // libp2p sends no payload here; whatever is there is hashed and ignored.
    state.decryptAndHash(Arrays.copyOfRange(message, DH_LENGTH, message.length));
  }

  // <- e, ee, s, es
  private byte[] writeSecond() {
    byte[] e = ephemeralKey.publicKey();
    state.mixHash(e);
    state.mixKey(ephemeralKey.dh(remoteEphemeral));
    byte[] s = state.encryptAndHash(staticKey.publicKey());
    state.mixKey(staticKey.dh(remoteEphemeral));
    return concat(concat(e, s), state.encryptAndHash(localPayload));
  }

  private void readSecond(byte[] message) {
    int minimum = DH_LENGTH + ENCRYPTED_KEY_LENGTH + CipherState.TAG_LENGTH;
    if (message.length < minimum) {
      throw new NoiseException(
          "Second Noise message of " + message.length + " bytes, need at least " + minimum);
    }
    remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
    state.mixHash(remoteEphemeral);
    state.mixKey(ephemeralKey.dh(remoteEphemeral));
    remoteStatic =
        state.decryptAndHash(
            Arrays.copyOfRange(message, DH_LENGTH, DH_LENGTH + ENCRYPTED_KEY_LENGTH));
    state.mixKey(ephemeralKey.dh(remoteStatic));
    byte[] payload =
        state.decryptAndHash(
            Arrays.copyOfRange(message, DH_LENGTH + ENCRYPTED_KEY_LENGTH, message.length));
    authenticate(payload);
  }

  // -> s, se
  private byte[] writeThird() {
    byte[] s = state.encryptAndHash(staticKey.publicKey());
    state.mixKey(staticKey.dh(remoteEphemeral));
    return concat(s, state.encryptAndHash(localPayload));
  }

  private void readThird(byte[] message) {
    int minimum = ENCRYPTED_KEY_LENGTH + CipherState.TAG_LENGTH;
    if (message.length < minimum) {
      throw new NoiseException(
          "Third Noise message of " + message.length + " bytes, need at least " + minimum);
    }
    remoteStatic = state.decryptAndHash(Arrays.copyOf(message, ENCRYPTED_KEY_LENGTH));
    state.mixKey(ephemeralKey.dh(remoteStatic));
    byte[] payload =
        state.decryptAndHash(Arrays.copyOfRange(message, ENCRYPTED_KEY_LENGTH, message.length));
    authenticate(payload);
  }

  /** Verifies the remote payload against its static key and learns the remote peer id. */
  private void authenticate(byte[] encodedPayload) {
    NoiseHandshakePayload payload = NoiseHandshakePayload.decode(encodedPayload);
    PeerPublicKey identityKey;
    try {
      identityKey = PeerPublicKey.fromProtobuf(payload.identityKey());
    } catch (KeyFormatException e) {
      throw new NoiseException("Peer sent an unusable identity key: " + e.getMessage(), e);
    }
    if (!identityKey.verify(concat(SIGNATURE_PREFIX, remoteStatic), payload.identitySig())) {
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

  private void advance() {
    step++;
    if (step == 3) {
      byte[][] keys = state.split();
      CipherState initiatorToResponder = new CipherState(keys[0]);
      CipherState responderToInitiator = new CipherState(keys[1]);
      session =
          initiator
              ? new NoiseSession(
                  initiatorToResponder,
                  responderToInitiator,
                  remotePeerId,
                  remoteExtensions,
                  state.handshakeHash())
              : new NoiseSession(
                  responderToInitiator,
                  initiatorToResponder,
                  remotePeerId,
                  remoteExtensions,
                  state.handshakeHash());
    }
  }

  private void checkUsable() {
    if (failed) {
      throw new IllegalStateException("Noise handshake already failed");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
