package io.basalt.networking.yamux.netty;

import io.basalt.networking.yamux.YamuxException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.AbstractChannel;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.ChannelInputShutdownReadComplete;
import java.net.SocketAddress;
import java.util.ArrayDeque;

/**
 * One yamux stream as a Netty child {@link Channel} of the connection, on the connection's event
 * loop. Inbound {@link ByteBuf}s arrive through its pipeline; writes ({@link ByteBuf} only) go to
 * the session.
 *
 * <ul>
 *   <li>Backpressure in: with auto-read off, data waits here until {@code read()}; the peer's
 *       window is returned only for bytes passed to the pipeline, so at most one receive window
 *       waits per stream.
 *   <li>Backpressure out: {@link #isWritable()} is false while the stream's send queue is half
 *       full; a write that does not fit the queue fails with {@link
 *       YamuxException.Reason#SEND_QUEUE_FULL}.
 *   <li>The peer's FIN fires {@link ChannelInputShutdownEvent} (after the data before it); {@link
 *       #closeWrite()} sends FIN; {@link #close()} sends FIN and drops later input; {@link
 *       #reset()} sends RST. A peer reset fires {@link #RESET_EVENT} and closes the channel.
 * </ul>
 */
public final class YamuxStreamChannel extends AbstractChannel {
  /** User event fired when the peer (or the session ending) resets the stream. */
  public static final Object RESET_EVENT = "YAMUX_STREAM_RESET";

  private static final ChannelMetadata METADATA = new ChannelMetadata(false, 16);

  private final YamuxHandler handler;
  private final int streamId;
  private final boolean inbound;
  private final ChannelConfig config = new DefaultChannelConfig(this);
  private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
  private boolean open = true;
  private boolean readRequested;
  private boolean remoteClosed;
  private boolean inputShutdownFired;
  private boolean reset;
  private boolean streamGone;
  // closeWrite() was called: FIN goes out once every earlier write has reached the session.
  private boolean finRequested;
  private boolean finSent;
  // doWrite is running: a nested closeWrite (from a writability event fired by the session while
  // it takes our writes) must not send FIN ahead of the messages the loop has not handed over yet.
  private boolean writing;

  YamuxStreamChannel(Channel parent, YamuxHandler handler, int streamId, boolean inbound) {
    super(parent);
    this.handler = handler;
    this.streamId = streamId;
    this.inbound = inbound;
  }

  /** The yamux stream id. */
  public int streamId() {
    return streamId;
  }

  /** Whether the peer opened this stream. */
  public boolean isInbound() {
    return inbound;
  }

  /** Whether the stream was reset (by the peer, by the session ending or by {@link #reset()}). */
  public boolean isReset() {
    return reset;
  }

  /**
   * Half-closes the stream for writing; reading goes on. The FIN follows every write made before
   * (they are flushed first), even when called from inside a flush; later writes fail.
   */
  public void closeWrite() {
    runInLoop(
        () -> {
          if (finRequested || !open) {
            return;
          }
          finRequested = true;
          flush();
          sendFinIfDrained();
        });
  }

  private void sendFinIfDrained() {
    if (!finRequested || finSent || writing || streamGone || reset) {
      return;
    }
    ChannelOutboundBuffer out = unsafe().outboundBuffer();
    if (out == null || out.isEmpty()) {
      finSent = true;
      handler.session().close(streamId);
    }
  }

  /** Resets the stream (RST, queued data dropped) and closes the channel. */
  public void reset() {
    runInLoop(
        () -> {
          reset = true;
          handler.session().reset(streamId);
          close();
        });
  }

  @Override
  public boolean isWritable() {
    return super.isWritable() && open && handler.session().isWritable(streamId);
  }

  @Override
  public ChannelConfig config() {
    return config;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isActive() {
    return open;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  @Override
  protected AbstractUnsafe newUnsafe() {
    return new AbstractUnsafe() {
      @Override
      public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        promise.setFailure(
            new UnsupportedOperationException("yamux streams are opened, not dialed"));
      }
    };
  }

  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    return parent().localAddress();
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return parent().remoteAddress();
  }

  @Override
  protected void doBind(SocketAddress localAddress) {
    throw new UnsupportedOperationException("yamux streams cannot bind");
  }

  @Override
  protected void doDisconnect() {
    doClose();
  }

  @Override
  protected void doClose() {
    open = false;
    ByteBuf buf;
    while ((buf = pending.poll()) != null) {
      int n = buf.readableBytes();
      buf.release();
      handler.consumed(this, n);
    }
    if (!streamGone && !reset && !finSent) {
      finSent = true;
      // Graceful: FIN after queued data; the handler discards what the peer still sends.
      handler.session().close(streamId);
    }
  }

  @Override
  protected void doBeginRead() {
    readRequested = true;
    deliver();
  }

  @Override
  protected void doWrite(ChannelOutboundBuffer out) {
    writing = true;
    try {
      Object msg;
      while ((msg = out.current()) != null) {
        try {
          handler.session().write(streamId, ((ByteBuf) msg).retain());
          out.remove();
        } catch (YamuxException e) {
          out.remove(e);
        }
      }
    } finally {
      writing = false;
    }
    sendFinIfDrained();
  }

  @Override
  protected Object filterOutboundMessage(Object msg) {
    if (finRequested) {
      throw new IllegalStateException("stream " + streamId + " is closed for writing");
    }
    if (msg instanceof ByteBuf) {
      return msg;
    }
    throw new UnsupportedOperationException("yamux streams write ByteBuf only, got " + msg);
  }

  // ---- called by YamuxHandler on the event loop ----

  void onData(ByteBuf data) {
    pending.add(data);
    deliver();
  }

  void onRemoteClose() {
    remoteClosed = true;
    deliver();
  }

  void onReset() {
    reset = true;
    pipeline().fireUserEventTriggered(RESET_EVENT);
    close();
  }

  void onStreamGone() {
    streamGone = true;
    if (open) {
      close();
    }
  }

  void onWritabilityChanged() {
    pipeline().fireChannelWritabilityChanged();
  }

  private void deliver() {
    if (!open || (!readRequested && !config.isAutoRead())) {
      return;
    }
    boolean delivered = false;
    ByteBuf buf;
    while (open && (buf = pending.poll()) != null) {
      delivered = true;
      int n = buf.readableBytes();
      pipeline().fireChannelRead(buf);
      handler.consumed(this, n);
    }
    if (delivered) {
      readRequested = false;
      pipeline().fireChannelReadComplete();
    }
    if (open && remoteClosed && pending.isEmpty() && !inputShutdownFired) {
      inputShutdownFired = true;
      pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
      pipeline().fireUserEventTriggered(ChannelInputShutdownReadComplete.INSTANCE);
    }
  }

  private void runInLoop(Runnable task) {
    if (eventLoop().inEventLoop()) {
      task.run();
    } else {
      eventLoop().execute(task);
    }
  }
}
