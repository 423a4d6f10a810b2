package io.basalt.networking.host.transport;

import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import io.basalt.networking.yamux.netty.YamuxStreamChannel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Stream} over a {@link YamuxStreamChannel}. All state is touched on the channel's event
 * loop; public methods hop onto it.
 *
 * <p>Input received before a reader is set waits in {@code pendingIn} with auto-read off, so the
 * muxer stops returning window and the peer can send at most one receive window. Output that does
 * not fit the muxer's send queue waits in {@code pendingOut}, at most {@code maxSendBuffer} bytes.
 */
public final class NettyStream implements Stream {
  private static final Logger LOG = LoggerFactory.getLogger(NettyStream.class);

  private final YamuxStreamChannel channel;
  private final Connection connection;
  private final String protocol;
  private final Direction direction;
  private final int maxSendBuffer;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private final Bridge bridge = new Bridge();

  // ---- event loop state ----
  private StreamReader reader;
  private final ArrayDeque<ByteBuf> pendingIn = new ArrayDeque<>();
  private boolean remoteClosed;
  private boolean remoteClosedDelivered;
  private boolean reset;
  private boolean finished;
  private final ArrayDeque<PendingWrite> pendingOut = new ArrayDeque<>();
  private long pendingOutBytes;
  private boolean closeWriteAfterDrain;
  private boolean closeAfterDrain;
  private boolean closeIssued;
  private boolean closeWriteIssued;
  private boolean draining;
  private boolean drainAgain;
  // The last write handed to the channel: FIN must follow it, and it may still sit in the
  // channel's outbound buffer when drain() runs re-entrantly inside the channel's own flush.
  private ChannelFuture lastWrite;

  NettyStream(
      YamuxStreamChannel channel,
      Connection connection,
      String protocol,
      Direction direction,
      int maxSendBuffer) {
    this.channel = channel;
    this.connection = connection;
    this.protocol = protocol;
    this.direction = direction;
    this.maxSendBuffer = maxSendBuffer;
    // Hold input until a reader is set.
    channel.config().setAutoRead(false);
  }

  /** The handler to put into the stream channel's pipeline once negotiation is done. */
  ChannelInboundHandlerAdapter bridge() {
    return bridge;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public Connection connection() {
    return connection;
  }

  @Override
  public void setReader(StreamReader newReader) {
    inLoop(
        () -> {
          reader = newReader;
          ByteBuf buf;
          while (reader == newReader && (buf = pendingIn.poll()) != null) {
            deliver(buf);
          }
          maybeDeliverRemoteClose();
          if (finished) {
            notifyClosed();
          } else {
            channel.config().setAutoRead(true);
          }
        });
  }

  @Override
  public CompletableFuture<Void> write(byte[] data) {
    return write(Unpooled.wrappedBuffer(data));
  }

  @Override
  public CompletableFuture<Void> write(ByteBuffer data) {
    ByteBuf copy = Unpooled.buffer(data.remaining());
    copy.writeBytes(data);
    return write(copy);
  }

  private CompletableFuture<Void> write(ByteBuf buf) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    inLoop(
        () -> {
          if (finished || !channel.isOpen() || closeWriteAfterDrain || closeAfterDrain) {
            buf.release();
            result.completeExceptionally(
                new HostException(HostException.Reason.CLOSED, "stream " + protocol + " closed"));
          } else if (pendingOut.isEmpty() && channel.isWritable()) {
            send(buf, result);
          } else if (pendingOutBytes + buf.readableBytes() > maxSendBuffer) {
            buf.release();
            result.completeExceptionally(
                new HostException(
                    HostException.Reason.BUFFER_FULL,
                    "stream send buffer of " + maxSendBuffer + " bytes is full"));
          } else {
            pendingOut.add(new PendingWrite(buf, result));
            pendingOutBytes += buf.readableBytes();
          }
        });
    return result;
  }

  private void send(ByteBuf buf, CompletableFuture<Void> result) {
    lastWrite = channel.writeAndFlush(buf);
    lastWrite.addListener(
        f -> {
          if (f.isSuccess()) {
            result.complete(null);
          } else {
            result.completeExceptionally(
                new HostException(HostException.Reason.CLOSED, "write failed", f.cause()));
          }
        });
  }

  private void drain() {
    // Sending can re-enter drain() through the muxer's writability events; the nested call must
    // not decide that everything went out (and send FIN) while the outer loop is mid-write.
    if (draining) {
      drainAgain = true;
      return;
    }
    draining = true;
    try {
      do {
        drainAgain = false;
        PendingWrite next;
        while (channel.isWritable() && (next = pendingOut.poll()) != null) {
          pendingOutBytes -= next.buf().readableBytes();
          send(next.buf(), next.result());
        }
      } while (drainAgain);
    } finally {
      draining = false;
    }
    if (!pendingOut.isEmpty()) {
      return;
    }
    if (closeAfterDrain && !closeIssued) {
      closeIssued = true;
      afterLastWrite(channel::close);
    } else if (closeWriteAfterDrain && !closeWriteIssued && !closeIssued) {
      closeWriteIssued = true;
      afterLastWrite(channel::closeWrite);
    }
  }

  private void afterLastWrite(Runnable action) {
    if (lastWrite == null || lastWrite.isDone()) {
      action.run();
    } else {
      lastWrite.addListener(f -> action.run());
    }
  }

  @Override
  public void closeWrite() {
    inLoop(
        () -> {
          closeWriteAfterDrain = true;
          drain();
        });
  }

  @Override
  public void close() {
    inLoop(
        () -> {
          closeAfterDrain = true;
          drain();
        });
  }

  @Override
  public void reset() {
    inLoop(
        () -> {
          reset = true;
          channel.reset();
        });
  }

  @Override
  public boolean isOpen() {
    return !closeFuture.isDone();
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public String toString() {
    return "Stream[" + protocol + " " + direction + " " + connection.remotePeer() + "]";
  }

  // ---- event loop ----

  private void deliver(ByteBuf buf) {
    try {
      reader.onData(this, buf.nioBuffer());
    } catch (RuntimeException e) {
      LOG.debug("Stream reader of {} failed; resetting", protocol, e);
      reset = true;
      channel.reset();
    } finally {
      buf.release();
    }
  }

  private void maybeDeliverRemoteClose() {
    if (reader != null && remoteClosed && !remoteClosedDelivered && pendingIn.isEmpty()) {
      remoteClosedDelivered = true;
      try {
        reader.onRemoteClosed(this);
      } catch (RuntimeException e) {
        LOG.debug("Stream reader of {} failed on close", protocol, e);
      }
    }
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    reset |= channel.isReset();
    HostException closed = new HostException(HostException.Reason.CLOSED, "stream closed");
    PendingWrite w;
    while ((w = pendingOut.poll()) != null) {
      w.buf().release();
      w.result().completeExceptionally(closed);
    }
    pendingOutBytes = 0;
    if (reader != null) {
      notifyClosed();
    } else {
      ByteBuf buf;
      while ((buf = pendingIn.poll()) != null) {
        buf.release();
      }
    }
    closeFuture.complete(null);
  }

  private boolean closedNotified;

  private void notifyClosed() {
    if (closedNotified) {
      return;
    }
    closedNotified = true;
    ByteBuf buf;
    while ((buf = pendingIn.poll()) != null) {
      buf.release();
    }
    try {
      reader.onClosed(this, reset);
    } catch (RuntimeException e) {
      LOG.debug("Stream reader of {} failed on close", protocol, e);
    }
  }

  private void inLoop(Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
    } else {
      channel.eventLoop().execute(task);
    }
  }

  private record PendingWrite(ByteBuf buf, CompletableFuture<Void> result) {}

  private final class Bridge extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof ByteBuf buf)) {
        io.netty.util.ReferenceCountUtil.release(msg);
        return;
      }
      if (reader == null || !pendingIn.isEmpty()) {
        pendingIn.add(buf);
      } else {
        deliver(buf);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt == ChannelInputShutdownEvent.INSTANCE) {
        remoteClosed = true;
        maybeDeliverRemoteClose();
      } else if (evt == YamuxStreamChannel.RESET_EVENT) {
        reset = true;
      }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      drain();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      finish();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("Stream {} failed", protocol, cause);
      ctx.close();
    }
  }
}
