package io.basalt.networking.noise;

import io.basalt.networking.identity.PeerId;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The transport phase of a completed Noise handshake: one cipher per direction and the
 * authenticated remote peer.
 *
 * <p>Not thread-safe: sends must be serialised, and so must receives (each direction may have its
 * own thread). A {@link NoiseException} on receive means the stream is corrupt or forged and the
 * connection must be closed.
 */
public final class NoiseSession {

  private final CipherState sender;
  private final CipherState receiver;
  private final PeerId remotePeerId;
  private final NoiseExtensions remoteExtensions;
  private final byte[] handshakeHash;

  NoiseSession(
      CipherState sender,
      CipherState receiver,
      PeerId remotePeerId,
      NoiseExtensions remoteExtensions,
      byte[] handshakeHash) {
    this.sender = sender;
    this.receiver = receiver;
    this.remotePeerId = remotePeerId;
    this.remoteExtensions = remoteExtensions;
    this.handshakeHash = handshakeHash;
  }

  public PeerId remotePeerId() {
    return remotePeerId;
  }

  /** The extensions the remote sent in its handshake payload ({@link NoiseExtensions#NONE}). */
  public NoiseExtensions remoteExtensions() {
    return remoteExtensions;
  }

  /** The final handshake hash h, equal on both sides (channel binding). */
  public byte[] handshakeHash() {
    return handshakeHash.clone();
  }

  /**
   * Encrypts {@code plaintext} into framed messages ready to write: {@code 2-byte length ||
   * ciphertext}, split into several messages when it exceeds {@link
   * NoiseFrames#MAX_PLAINTEXT_LENGTH}. Empty input gives empty output.
   */
  public byte[] encrypt(byte[] plaintext) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(
            plaintext.length + 18 * (1 + plaintext.length / NoiseFrames.MAX_PLAINTEXT_LENGTH));
    for (int offset = 0; offset < plaintext.length; offset += NoiseFrames.MAX_PLAINTEXT_LENGTH) {
      int end = Math.min(plaintext.length, offset + NoiseFrames.MAX_PLAINTEXT_LENGTH);
      out.writeBytes(NoiseFrames.frame(encryptMessage(Arrays.copyOfRange(plaintext, offset, end))));
    }
    return out.toByteArray();
  }

  /** Encrypts one message (no frame) of at most {@link NoiseFrames#MAX_PLAINTEXT_LENGTH} bytes. */
  public byte[] encryptMessage(byte[] plaintext) {
    if (plaintext.length > NoiseFrames.MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("Noise plaintext of " + plaintext.length + " bytes");
    }
    return sender.encryptWithAd(new byte[0], plaintext);
  }

  /**
   * Decrypts one received message (its frame already removed).
   *
   * @throws NoiseException if it does not authenticate
   */
  public byte[] decryptMessage(byte[] ciphertext) {
    return receiver.decryptWithAd(new byte[0], ciphertext);
  }

  /**
   * Encrypts one message of at most {@link NoiseFrames#MAX_PLAINTEXT_LENGTH} bytes from {@code in}
   * straight into {@code out}, which must have room for {@code length + 16} bytes.
   */
  public void encryptMessage(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    if (length > NoiseFrames.MAX_PLAINTEXT_LENGTH) {
      throw new IllegalArgumentException("Noise plaintext of " + length + " bytes");
    }
    sender.encrypt(in, inOffset, length, out, outOffset);
  }

  /**
   * Decrypts one message of {@code length} bytes (ciphertext and tag) into {@code out}, which must
   * have room for {@code length - 16} bytes.
   *
   * @throws NoiseException if it does not authenticate
   */
  public void decryptMessage(byte[] in, int inOffset, int length, byte[] out, int outOffset) {
    receiver.decrypt(in, inOffset, length, out, outOffset);
  }

  /** The nonce of the next message sent. */
  public long sendNonce() {
    return sender.nonce();
  }

  /** The nonce the next received message must have. */
  public long receiveNonce() {
    return receiver.nonce();
  }
}
