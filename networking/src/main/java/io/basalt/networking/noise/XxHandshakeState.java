package io.basalt.networking.noise;

import java.util.Arrays;

/**
 * The plain Noise handshake state for pattern XX (Noise spec sections 5.3 and 7.5), knowing nothing
 * of libp2p: prologue and payloads are opaque bytes. {@link NoiseHandshake} builds the libp2p
 * handshake on it; the Noise test vectors exercise it directly.
 *
 * <pre>
 *   -> e
 *   &lt;- e, ee, s, es
 *   -> s, se
 * </pre>
 */
final class XxHandshakeState {

  static final int DH_LENGTH = 32;
  static final int ENCRYPTED_KEY_LENGTH = DH_LENGTH + CipherState.TAG_LENGTH;

  private final boolean initiator;
  private final X25519KeyPair staticKey;
  private final X25519KeyPair ephemeralKey;
  private final SymmetricState state;
  private int step; // index of the next message; 3 when complete
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;

  XxHandshakeState(
      String protocolName,
      boolean initiator,
      byte[] prologue,
      X25519KeyPair staticKey,
      X25519KeyPair ephemeralKey) {
    this.initiator = initiator;
    this.staticKey = staticKey;
    this.ephemeralKey = ephemeralKey;
    this.state = new SymmetricState(protocolName);
    state.mixHash(prologue);
  }

  boolean isInitiator() {
    return initiator;
  }

  int step() {
    return step;
  }

  boolean isComplete() {
    return step == 3;
  }

  boolean isMyTurn() {
    return !isComplete() && (step % 2 == 0) == initiator;
  }

  /** The remote static key, once received (after message 2 for the initiator, 3 otherwise). */
  byte[] remoteStatic() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }

  byte[] writeMessage(byte[] payload) {
    byte[] message =
        switch (step) {
          case 0 -> {
            byte[] e = ephemeralKey.publicKey();
            state.mixHash(e);
            yield concat(e, state.encryptAndHash(payload));
          }
          case 1 -> {
            byte[] e = ephemeralKey.publicKey();
            state.mixHash(e);
            state.mixKey(ephemeralKey.dh(remoteEphemeral)); // ee
            byte[] s = state.encryptAndHash(staticKey.publicKey());
            state.mixKey(staticKey.dh(remoteEphemeral)); // es, responder side
            yield concat(concat(e, s), state.encryptAndHash(payload));
          }
          default -> {
            byte[] s = state.encryptAndHash(staticKey.publicKey());
            state.mixKey(staticKey.dh(remoteEphemeral)); // se, initiator side
            yield concat(s, state.encryptAndHash(payload));
          }
        };
    step++;
    return message;
  }

  /**
   * @return the payload
   * @throws NoiseException if the message is too short or does not decrypt
   */
  byte[] readMessage(byte[] message) {
    byte[] payload =
        switch (step) {
          case 0 -> {
            requireLength(message, DH_LENGTH, 1);
            remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
            state.mixHash(remoteEphemeral);
            yield state.decryptAndHash(Arrays.copyOfRange(message, DH_LENGTH, message.length));
          }
          case 1 -> {
            requireLength(message, DH_LENGTH + ENCRYPTED_KEY_LENGTH + CipherState.TAG_LENGTH, 2);
            remoteEphemeral = Arrays.copyOf(message, DH_LENGTH);
            state.mixHash(remoteEphemeral);
            state.mixKey(ephemeralKey.dh(remoteEphemeral)); // ee
            remoteStatic =
                state.decryptAndHash(
                    Arrays.copyOfRange(message, DH_LENGTH, DH_LENGTH + ENCRYPTED_KEY_LENGTH));
            state.mixKey(ephemeralKey.dh(remoteStatic)); // es, initiator side
            yield state.decryptAndHash(
                Arrays.copyOfRange(message, DH_LENGTH + ENCRYPTED_KEY_LENGTH, message.length));
          }
          default -> {
            requireLength(message, ENCRYPTED_KEY_LENGTH + CipherState.TAG_LENGTH, 3);
            remoteStatic = state.decryptAndHash(Arrays.copyOf(message, ENCRYPTED_KEY_LENGTH));
            state.mixKey(ephemeralKey.dh(remoteStatic)); // se, responder side
            yield state.decryptAndHash(
                Arrays.copyOfRange(message, ENCRYPTED_KEY_LENGTH, message.length));
          }
        };
    step++;
    return payload;
  }

  /** The transport ciphers: [this side's sender, this side's receiver]. */
  CipherState[] split() {
    byte[][] keys = state.split();
    CipherState initiatorToResponder = new CipherState(keys[0]);
    CipherState responderToInitiator = new CipherState(keys[1]);
    return initiator
        ? new CipherState[] {initiatorToResponder, responderToInitiator}
        : new CipherState[] {responderToInitiator, initiatorToResponder};
  }

  byte[] handshakeHash() {
    return state.handshakeHash();
  }

  private static void requireLength(byte[] message, int minimum, int number) {
    if (message.length < minimum) {
      throw new NoiseException(
          "Noise handshake message "
              + number
              + " of "
              + message.length
              + " bytes, need at least "
              + minimum);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
