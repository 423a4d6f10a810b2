package io.basalt.networking.multistream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Runs a {@link MultistreamNegotiator} on a channel (or stream) pipeline.
 *
 * <p>It sends the negotiator's opening bytes when the channel is active, answers as messages
 * arrive, and on agreement fires {@link ProtocolNegotiatedEvent}, removes itself and passes any
 * bytes that followed the negotiation to the next handler. On failure it fires the {@link
 * MultistreamException} through {@code exceptionCaught} and closes the channel.
 */
public final class MultistreamHandler extends ChannelInboundHandlerAdapter {

  private final MultistreamNegotiator negotiator;
  private boolean started;
  private boolean done;

  public MultistreamHandler(MultistreamNegotiator negotiator) {
    this.negotiator = negotiator;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    byte[] opening = negotiator.start();
    if (opening.length > 0) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(opening));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (done || !(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    byte[] data;
    try {
      data = ByteBufUtil.getBytes(buf);
    } finally {
      buf.release();
    }
    NegotiationStep step;
    try {
      step = negotiator.receive(data);
    } catch (MultistreamException e) {
      done = true;
      ctx.fireExceptionCaught(e);
      ctx.close();
      return;
    }
    if (step.output().length > 0) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(step.output()));
    }
    if (step.isComplete()) {
      done = true;
      ctx.fireUserEventTriggered(new ProtocolNegotiatedEvent(step.protocol().orElseThrow()));
      ctx.pipeline().remove(this);
      if (step.remaining().length > 0) {
        ctx.fireChannelRead(Unpooled.wrappedBuffer(step.remaining()));
      }
    }
  }
}
