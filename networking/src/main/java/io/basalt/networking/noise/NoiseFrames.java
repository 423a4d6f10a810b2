package io.basalt.networking.noise;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Noise messages on a libp2p stream: each prefixed by its length as a 2-byte big-endian integer, so
 * a message (ciphertext and tag) is at most 65535 bytes.
 */
public final class NoiseFrames {

  public static final int MAX_MESSAGE_LENGTH = 65535;

  /** The most plaintext one transport message carries: the limit less the 16-byte tag. */
  public static final int MAX_PLAINTEXT_LENGTH = MAX_MESSAGE_LENGTH - CipherState.TAG_LENGTH;

  private NoiseFrames() {}

  public static byte[] frame(byte[] message) {
    if (message.length > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("Noise message of " + message.length + " bytes");
    }
    byte[] out = new byte[2 + message.length];
    out[0] = (byte) (message.length >> 8);
    out[1] = (byte) message.length;
    System.arraycopy(message, 0, out, 2, message.length);
    return out;
  }

  /** Reads one framed message, or returns empty (position unchanged) if it is not all there. */
  public static Optional<byte[]> read(ByteBuffer in) {
    if (in.remaining() < 2) {
      return Optional.empty();
    }
    int length = in.getShort(in.position()) & 0xFFFF;
    if (in.remaining() < 2 + length) {
      return Optional.empty();
    }
    in.position(in.position() + 2);
    byte[] message = new byte[length];
    in.get(message);
    return Optional.of(message);
  }
}
