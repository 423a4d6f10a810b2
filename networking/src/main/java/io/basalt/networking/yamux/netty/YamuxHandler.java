package io.basalt.networking.yamux.netty;

import io.basalt.networking.yamux.FrameSink;
import io.basalt.networking.yamux.GoAwayCode;
import io.basalt.networking.yamux.YamuxConfig;
import io.basalt.networking.yamux.YamuxException;
import io.basalt.networking.yamux.YamuxListener;
import io.basalt.networking.yamux.YamuxSession;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a {@link YamuxSession} on a connection: put it last in the pipeline of an already secured
 * byte channel. Each stream becomes a {@link YamuxStreamChannel} registered on the connection's
 * event loop, whose pipeline starts with the initializer given here (inbound streams) or to {@link
 * #openStream} (outbound streams) — typically a multistream-select handler that then installs the
 * protocol handler.
 *
 * <p>A protocol error from the peer closes the connection after a go-away; a go-away from the peer
 * is fired as a user event ({@link GoAwayCode}) on the connection pipeline; the connection closing
 * resets every stream. Methods may be called from any thread; they run on the event loop.
 */
public final class YamuxHandler extends ChannelInboundHandlerAdapter implements YamuxListener {
  /** Outstanding pings at most; more fail at once, so a stalled peer cannot grow the map. */
  static final int MAX_OUTSTANDING_PINGS = 16;

  private final boolean client;
  private final YamuxConfig config;
  private final ChannelHandler inboundInitializer;
  private final Map<Integer, YamuxStreamChannel> children = new HashMap<>();
  private final Map<Integer, Promise<Void>> pings = new HashMap<>();
  private ChannelHandlerContext ctx;
  private YamuxSession session;
  private int nextPing;

  /**
   * A handler.
   *
   * @param client whether this side dialed the connection (odd stream ids)
   * @param config session limits
   * @param inboundInitializer added to the pipeline of each stream the peer opens; must be {@link
   *     ChannelHandler.Sharable} (e.g. a {@link io.netty.channel.ChannelInitializer})
   */
  public YamuxHandler(boolean client, YamuxConfig config, ChannelHandler inboundInitializer) {
    this.client = client;
    this.config = config;
    this.inboundInitializer = inboundInitializer;
  }

  /**
   * Opens a stream whose pipeline starts with {@code initializer}; the future completes once the
   * child channel is registered and active (the SYN is already sent then).
   */
  public Future<YamuxStreamChannel> openStream(ChannelHandler initializer) {
    Promise<YamuxStreamChannel> promise = ctx.executor().newPromise();
    runInLoop(
        () -> {
          try {
            int id = session.openStream();
            promise.setSuccess(register(id, false, initializer));
          } catch (YamuxException e) {
            promise.setFailure(e);
          }
        });
    return promise;
  }

  /** Sends a ping; the future completes when the matching response arrives. */
  public Future<Void> ping() {
    Promise<Void> promise = ctx.executor().newPromise();
    runInLoop(
        () -> {
          if (session.isClosed() || pings.size() >= MAX_OUTSTANDING_PINGS) {
            promise.setFailure(
                new YamuxException(
                    YamuxException.Reason.SESSION_CLOSED, "closed or too many pings in flight"));
            return;
          }
          int opaque = nextPing++;
          pings.put(opaque, promise);
          session.ping(opaque);
        });
    return promise;
  }

  /** Sends a go-away; with an error code the connection is then closed. */
  public void goAway(GoAwayCode code) {
    runInLoop(
        () -> {
          session.goAway(code);
          if (code != GoAwayCode.NORMAL) {
            ctx.close();
          }
        });
  }

  /** The session; use it on the event loop only. */
  public YamuxSession session() {
    return session;
  }

  // ---- connection events ----

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    FrameSink sink =
        new FrameSink() {
          @Override
          public void write(ByteBuf frame) {
            ctx.write(frame, ctx.voidPromise());
          }

          @Override
          public void flush() {
            ctx.flush();
          }

          @Override
          public boolean isWritable() {
            return ctx.channel().isWritable();
          }
        };
    session =
        client ? YamuxSession.client(config, sink, this) : YamuxSession.server(config, sink, this);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      session.receive(buf);
    } catch (YamuxException e) {
      ctx.fireExceptionCaught(e);
      ctx.close();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      session.transportWritable();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    session.transportClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    session.transportClosed();
  }

  // ---- session events ----

  @Override
  public void onInboundStream(int streamId) {
    register(streamId, true, inboundInitializer);
  }

  @Override
  public void onData(int streamId, ByteBuf data) {
    YamuxStreamChannel child = children.get(streamId);
    if (child == null || !child.isOpen()) {
      // Closed locally: keep the peer's window moving, drop the bytes.
      int n = data.readableBytes();
      data.release();
      session.consumed(streamId, n);
      return;
    }
    child.onData(data);
  }

  @Override
  public void onRemoteClose(int streamId) {
    YamuxStreamChannel child = children.get(streamId);
    if (child != null) {
      child.onRemoteClose();
    }
  }

  @Override
  public void onStreamReset(int streamId) {
    YamuxStreamChannel child = children.get(streamId);
    if (child != null) {
      child.onReset();
    }
  }

  @Override
  public void onStreamClosed(int streamId) {
    YamuxStreamChannel child = children.remove(streamId);
    if (child != null) {
      child.onStreamGone();
    }
  }

  @Override
  public void onWritabilityChanged(int streamId, boolean writable) {
    YamuxStreamChannel child = children.get(streamId);
    if (child != null) {
      child.onWritabilityChanged();
    }
  }

  @Override
  public void onPong(int opaque) {
    Promise<Void> promise = pings.remove(opaque);
    if (promise != null) {
      promise.setSuccess(null);
    }
  }

  @Override
  public void onGoAway(GoAwayCode code) {
    ctx.fireUserEventTriggered(code);
  }

  @Override
  public void onSessionClosed() {
    YamuxException closed =
        new YamuxException(YamuxException.Reason.SESSION_CLOSED, "session ended");
    pings.values().forEach(p -> p.tryFailure(closed));
    pings.clear();
    ctx.close();
  }

  void consumed(YamuxStreamChannel child, int bytes) {
    if (children.get(child.streamId()) == child) {
      session.consumed(child.streamId(), bytes);
    }
  }

  private YamuxStreamChannel register(int id, boolean inbound, ChannelHandler initializer) {
    YamuxStreamChannel child = new YamuxStreamChannel(ctx.channel(), this, id, inbound);
    children.put(id, child);
    child.pipeline().addLast(initializer);
    ctx.channel().eventLoop().register(child);
    return child;
  }

  private void runInLoop(Runnable task) {
    if (ctx.executor().inEventLoop()) {
      task.run();
    } else {
      ctx.executor().execute(task);
    }
  }
}
