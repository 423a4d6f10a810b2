package io.basalt.networking.host.transport;

import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.StreamHandler;
import io.basalt.networking.multistream.MultistreamException;
import io.basalt.networking.multistream.ProtocolNegotiatedEvent;
import io.basalt.networking.yamux.netty.YamuxStreamChannel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits after the multistream handler of a new stream: bounds the negotiation in time and, once a
 * protocol is agreed, replaces itself with the {@link NettyStream}'s bridge and hands the stream to
 * the opener (outbound) or to the protocol's registered handler (inbound).
 */
final class StreamSetupHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(StreamSetupHandler.class);

  private final NettyConnection connection;
  private final Direction direction;
  private final Duration timeout;
  // Outbound only: completed with the stream or the failure.
  private final CompletableFuture<io.basalt.networking.host.Stream> opened;
  private ScheduledFuture<?> timer;
  private boolean done;

  StreamSetupHandler(
      NettyConnection connection,
      Direction direction,
      Duration timeout,
      CompletableFuture<io.basalt.networking.host.Stream> opened) {
    this.connection = connection;
    this.direction = direction;
    this.timeout = timeout;
    this.opened = opened;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    timer =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        ctx,
                        new HostException(
                            HostException.Reason.STREAM_NEGOTIATION_TIMEOUT,
                            "no protocol agreed within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (!(evt instanceof ProtocolNegotiatedEvent negotiated) || done) {
      ctx.fireUserEventTriggered(evt);
      return;
    }
    done = true;
    timer.cancel(false);
    YamuxStreamChannel channel = (YamuxStreamChannel) ctx.channel();
    String protocol = negotiated.protocol();
    NettyStream stream =
        new NettyStream(channel, connection, protocol, direction, connection.maxSendBuffer());
    ctx.pipeline().replace(this, "stream", stream.bridge());
    if (direction == Direction.OUTBOUND) {
      opened.complete(stream);
      return;
    }
    Optional<StreamHandler> handler = connection.registry().handler(protocol);
    if (handler.isEmpty()) {
      channel.reset();
      return;
    }
    try {
      handler.get().onStream(stream);
    } catch (RuntimeException e) {
      LOG.warn("Handler of {} failed on a stream from {}", protocol, connection.remotePeer(), e);
      channel.reset();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof MultistreamException e) {
      fail(
          ctx,
          new HostException(
              HostException.Reason.NEGOTIATION_FAILED,
              "stream negotiation failed (" + e.reason() + "): " + e.getMessage(),
              e));
    } else {
      fail(ctx, new HostException(HostException.Reason.CLOSED, "stream failed", cause));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(ctx, new HostException(HostException.Reason.CLOSED, "stream closed during negotiation"));
    ctx.fireChannelInactive();
  }

  private void fail(ChannelHandlerContext ctx, HostException error) {
    if (done) {
      return;
    }
    done = true;
    if (timer != null) {
      timer.cancel(false);
    }
    if (opened != null) {
      opened.completeExceptionally(error);
    } else {
      LOG.debug("Inbound stream from {} failed: {}", connection.remotePeer(), error.getMessage());
    }
    if (ctx.channel() instanceof YamuxStreamChannel stream) {
      stream.reset();
    } else {
      ctx.close();
    }
  }
}
