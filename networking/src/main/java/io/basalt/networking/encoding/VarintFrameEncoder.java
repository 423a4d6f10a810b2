package io.basalt.networking.encoding;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes each outbound {@link ByteBuf} as one varint-length-prefixed frame. */
@ChannelHandler.Sharable
public final class VarintFrameEncoder extends MessageToByteEncoder<ByteBuf> {

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
    byte[] prefix = UnsignedVarint.encode(msg.readableBytes());
    out.ensureWritable(prefix.length + msg.readableBytes());
    out.writeBytes(prefix);
    out.writeBytes(msg, msg.readerIndex(), msg.readableBytes());
  }
}
