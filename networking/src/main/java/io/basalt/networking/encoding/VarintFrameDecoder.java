package io.basalt.networking.encoding;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Splits an inbound byte stream into varint-length-prefixed frames, emitting each payload as a
 * {@link ByteBuf} (the prefix removed).
 *
 * <p>An announced length above the limit raises {@link FrameTooLargeException} before the payload
 * is buffered, and the decoder then discards all further input: the stream cannot be resynced.
 */
public final class VarintFrameDecoder extends ByteToMessageDecoder {

  private final int maxFrameLength;
  private boolean failed;

  public VarintFrameDecoder(int maxFrameLength) {
    if (maxFrameLength < 0) {
      throw new IllegalArgumentException("maxFrameLength must be >= 0");
    }
    this.maxFrameLength = maxFrameLength;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed) {
      in.skipBytes(in.readableBytes());
      return;
    }
    while (in.isReadable()) {
      int start = in.readerIndex();
      long length;
      try {
        length = readVarint(in);
      } catch (DecodingException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw e;
      }
      if (length == UnsignedVarint.INCOMPLETE) {
        return;
      }
      if (length > maxFrameLength) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw new FrameTooLargeException(length, maxFrameLength);
      }
      if (in.readableBytes() < length) {
        in.readerIndex(start);
        return;
      }
      out.add(in.readRetainedSlice((int) length));
    }
  }

  /** Reads a varint from {@code in}, or rewinds and returns INCOMPLETE. */
  private static long readVarint(ByteBuf in) {
    int available = Math.min(in.readableBytes(), UnsignedVarint.MAX_BYTES);
    byte[] head = new byte[available];
    in.getBytes(in.readerIndex(), head);
    ByteBuffer view = ByteBuffer.wrap(head);
    long value = UnsignedVarint.read(view);
    if (value != UnsignedVarint.INCOMPLETE) {
      in.skipBytes(view.position());
    }
    return value;
  }
}
