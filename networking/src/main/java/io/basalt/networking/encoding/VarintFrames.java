package io.basalt.networking.encoding;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Frames of the form {@code varint(length) || payload}, as multistream-select, identify and the
 * request/response protocols write them.
 */
public final class VarintFrames {

  private VarintFrames() {}

  /** {@code payload} with its varint length in front. */
  public static byte[] encode(byte[] payload) {
    byte[] out = new byte[UnsignedVarint.encodedLength(payload.length) + payload.length];
    int prefix = UnsignedVarint.write(payload.length, out, 0);
    System.arraycopy(payload, 0, out, prefix, payload.length);
    return out;
  }

  /**
   * Reads one frame from {@code in}, advancing past it when complete.
   *
   * @return the payload, or empty (position unchanged) when {@code in} holds only part of a frame
   * @throws FrameTooLargeException if the announced length exceeds {@code maxLength}, checked
   *     before the payload is buffered or allocated
   * @throws DecodingException if the length prefix is malformed
   */
  public static Optional<byte[]> read(ByteBuffer in, int maxLength) {
    int start = in.position();
    long length = UnsignedVarint.read(in);
    if (length == UnsignedVarint.INCOMPLETE) {
      return Optional.empty();
    }
    if (length > maxLength) {
      in.position(start);
      throw new FrameTooLargeException(length, maxLength);
    }
    if (in.remaining() < length) {
      in.position(start);
      return Optional.empty();
    }
    byte[] payload = new byte[(int) length];
    in.get(payload);
    return Optional.of(payload);
  }
}
