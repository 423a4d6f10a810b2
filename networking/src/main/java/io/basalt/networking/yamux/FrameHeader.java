package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;

/**
 * The 12-byte yamux header: version (0), type, flags (16 bits), stream id and length (32 bits
 * each), all big-endian.
 *
 * @param type the frame type
 * @param flags any of {@link Flags}; unknown bits are carried, not rejected
 * @param streamId the stream id as an unsigned 32-bit value (0 for session frames)
 * @param length payload length (data), window delta (window update), opaque value (ping) or error
 *     code (go-away), as an unsigned 32-bit value
 */
public record FrameHeader(FrameType type, int flags, int streamId, long length) {
  /** Encoded size of a header. */
  public static final int SIZE = 12;

  /** The only protocol version. */
  public static final int VERSION = 0;

  /** Largest value of the 32-bit length field. */
  public static final long MAX_LENGTH = 0xFFFF_FFFFL;

  /** Validates the field ranges. */
  public FrameHeader {
    if (type == null) {
      throw new IllegalArgumentException("type is required");
    }
    if (flags < 0 || flags > 0xFFFF) {
      throw new IllegalArgumentException("flags out of 16-bit range: " + flags);
    }
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("length out of 32-bit range: " + length);
    }
  }

  /** Writes the 12 header bytes to {@code out}. */
  public void encode(ByteBuf out) {
    out.writeByte(VERSION);
    out.writeByte(type.code());
    out.writeShort(flags);
    out.writeInt(streamId);
    out.writeInt((int) length);
  }

  /**
   * Reads a header from the next 12 readable bytes of {@code in}.
   *
   * @param maxDataLength the longest data payload accepted
   * @throws YamuxException for a version other than 0, an unknown type, or a data frame longer than
   *     {@code maxDataLength}
   * @throws IllegalArgumentException if fewer than 12 bytes are readable (a caller bug)
   */
  public static FrameHeader decode(ByteBuf in, long maxDataLength) throws YamuxException {
    if (in.readableBytes() < SIZE) {
      throw new IllegalArgumentException("need " + SIZE + " bytes, have " + in.readableBytes());
    }
    int version = in.readUnsignedByte();
    if (version != VERSION) {
      throw new YamuxException(YamuxException.Reason.BAD_VERSION, "version " + version);
    }
    FrameType type = FrameType.fromCode(in.readUnsignedByte());
    int flags = in.readUnsignedShort();
    int streamId = in.readInt();
    long length = in.readUnsignedInt();
    if (type == FrameType.DATA && length > maxDataLength) {
      throw new YamuxException(
          YamuxException.Reason.FRAME_TOO_LARGE,
          "data frame of " + length + " bytes exceeds " + maxDataLength);
    }
    return new FrameHeader(type, flags, streamId, length);
  }

  /** The stream id as an unsigned value. */
  public long streamIdUnsigned() {
    return Integer.toUnsignedLong(streamId);
  }
}
