package io.basalt.networking.yamux.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.networking.yamux.GoAwayCode;
import io.basalt.networking.yamux.YamuxConfig;
import io.basalt.networking.yamux.YamuxException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.concurrent.Future;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Two connections joined through {@link EmbeddedChannel}s, each end running a YamuxHandler. */
class YamuxHandlerTest {
  /** Collects what a stream channel sees. */
  static final class Collector extends ChannelInboundHandlerAdapter {
    final ByteArrayOutputStream data = new ByteArrayOutputStream();
    final List<Object> events = new ArrayList<>();
    Channel channel;
    boolean echo;

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      channel = ctx.channel();
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf buf = (ByteBuf) msg;
      if (echo) {
        data.writeBytes(ByteBufUtil.getBytes(buf));
        ctx.writeAndFlush(buf);
        return;
      }
      data.writeBytes(ByteBufUtil.getBytes(buf));
      buf.release();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      events.add(evt);
    }

    String text() {
      return data.toString(StandardCharsets.US_ASCII);
    }
  }

  private final List<Collector> serverStreams = new ArrayList<>();
  private boolean serverEcho = true;
  private boolean serverAutoRead = true;
  private final YamuxHandler clientHandler =
      new YamuxHandler(true, YamuxConfig.DEFAULT, initializer(new ArrayList<>(), false));
  private final YamuxHandler serverHandler =
      new YamuxHandler(false, YamuxConfig.DEFAULT, serverInitializer());
  private final EmbeddedChannel client = new EmbeddedChannel(clientHandler);
  private final EmbeddedChannel server = new EmbeddedChannel(serverHandler);

  private ChannelHandler serverInitializer() {
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        Collector c = new Collector();
        c.echo = serverEcho;
        ch.config().setAutoRead(serverAutoRead);
        serverStreams.add(c);
        ch.pipeline().addLast(c);
      }
    };
  }

  private static ChannelHandler initializer(List<Collector> sink, boolean echo) {
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        Collector c = new Collector();
        c.echo = echo;
        sink.add(c);
        ch.pipeline().addLast(c);
      }
    };
  }

  private void pump() {
    boolean moved = true;
    while (moved) {
      moved = move(client, server) | move(server, client);
    }
  }

  private static boolean move(EmbeddedChannel from, EmbeddedChannel to) {
    from.runPendingTasks();
    boolean moved = false;
    Object msg;
    while ((msg = from.readOutbound()) != null) {
      moved = true;
      if (to.isOpen()) {
        to.writeInbound(msg);
      } else {
        ((ByteBuf) msg).release();
      }
    }
    return moved;
  }

  private YamuxStreamChannel open(Collector collector) {
    Future<YamuxStreamChannel> future =
        clientHandler.openStream(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                ch.pipeline().addLast(collector);
              }
            });
    assertThat(future.isSuccess()).isTrue();
    return future.getNow();
  }

  private static ByteBuf ascii(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }

  @Test
  void shouldEchoOverManyStreamChannels() {
    List<Collector> collectors = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Collector c = new Collector();
      collectors.add(c);
      YamuxStreamChannel stream = open(c);
      assertThat(stream.isActive()).isTrue();
      assertThat(stream.streamId()).isEqualTo(2 * i + 1);
      stream.writeAndFlush(ascii("hello " + i));
    }
    pump();
    assertThat(serverStreams).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(collectors.get(i).text()).isEqualTo("hello " + i);
      assertThat(serverStreams.get(i).text()).isEqualTo("hello " + i);
      assertThat(((YamuxStreamChannel) serverStreams.get(i).channel).isInbound()).isTrue();
    }
  }

  @Test
  void shouldMoveMebibytesToASlowReaderWithoutAutoRead() {
    serverEcho = false;
    serverAutoRead = false;
    Collector local = new Collector();
    YamuxStreamChannel stream = open(local);
    pump();
    Channel remote = serverStreams.get(0).channel;
    byte[] payload = new byte[3 * 1024 * 1024];
    new Random(5).nextBytes(payload);
    int offset = 0;
    int rounds = 0;
    while (serverStreams.get(0).data.size() < payload.length) {
      while (offset < payload.length && stream.isWritable()) {
        int n = Math.min(64 * 1024, payload.length - offset);
        assertThat(stream.writeAndFlush(Unpooled.wrappedBuffer(payload, offset, n)).isSuccess())
            .isTrue();
        offset += n;
      }
      pump();
      remote.read(); // one batch per round: the writer must wait for window updates
      pump();
      assertThat(++rounds).isLessThan(2000);
    }
    assertThat(serverStreams.get(0).data.toByteArray()).isEqualTo(payload);
    assertThat(rounds).isGreaterThan(3);
  }

  @Test
  void shouldSignalHalfCloseAsInputShutdownAndKeepTheOtherDirection() {
    serverEcho = false;
    Collector local = new Collector();
    YamuxStreamChannel stream = open(local);
    stream.writeAndFlush(ascii("request"));
    stream.closeWrite();
    pump();
    Collector remote = serverStreams.get(0);
    assertThat(remote.text()).isEqualTo("request");
    assertThat(remote.events).contains(ChannelInputShutdownEvent.INSTANCE);
    remote.channel.writeAndFlush(ascii("response"));
    remote.channel.close();
    pump();
    assertThat(local.text()).isEqualTo("response");
    assertThat(local.events).contains(ChannelInputShutdownEvent.INSTANCE);
    assertThat(stream.isOpen()).isFalse();
    assertThat(clientHandler.session().streamCount()).isZero();
    assertThat(serverHandler.session().streamCount()).isZero();
  }

  @Test
  void closeWriteFromAWritabilityEventInsideAFlushSendsFinAfterEveryQueuedWrite() {
    serverEcho = false;
    Collector local = new Collector();
    YamuxStreamChannel stream = open(local);
    pump();
    // Only the muxer's send queue may make the stream unwritable here, not Netty's own buffer.
    stream
        .config()
        .setWriteBufferWaterMark(
            new io.netty.channel.WriteBufferWaterMark(4 * 1024 * 1024, 8 * 1024 * 1024));
    // A handler that half-closes as soon as the stream turns unwritable: that event fires from
    // inside the channel's flush, while later writes still wait in its outbound buffer.
    stream
        .pipeline()
        .addFirst(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                if (!ctx.channel().isWritable()) {
                  ((YamuxStreamChannel) ctx.channel()).closeWrite();
                }
                ctx.fireChannelWritabilityChanged();
              }
            });
    byte[] payload = new byte[900 * 1024];
    new Random(9).nextBytes(payload);
    // 256 KiB fill the peer's window, 600 KiB queue (over half the 1 MiB queue: unwritable),
    // the last 44 KiB are still in the outbound buffer when the handler asks for FIN.
    List<io.netty.channel.ChannelFuture> writes =
        List.of(
            stream.write(Unpooled.wrappedBuffer(payload, 0, 256 * 1024)),
            stream.write(Unpooled.wrappedBuffer(payload, 256 * 1024, 600 * 1024)),
            stream.write(Unpooled.wrappedBuffer(payload, 856 * 1024, 44 * 1024)));
    stream.flush();
    pump();
    assertThat(writes).allMatch(f -> f.isSuccess());
    Collector remote = serverStreams.get(0);
    assertThat(remote.data.toByteArray()).isEqualTo(payload);
    assertThat(remote.events).contains(ChannelInputShutdownEvent.INSTANCE);
    // Writes after closeWrite fail instead of following the FIN.
    assertThat(stream.writeAndFlush(ascii("late")).isSuccess()).isFalse();
  }

  @Test
  void closeWriteSendsFinAfterWritesNotYetFlushed() {
    serverEcho = false;
    YamuxStreamChannel stream = open(new Collector());
    pump();
    io.netty.channel.ChannelFuture write = stream.write(ascii("unflushed"));
    stream.closeWrite();
    pump();
    assertThat(write.isSuccess()).isTrue();
    Collector remote = serverStreams.get(0);
    assertThat(remote.text()).isEqualTo("unflushed");
    assertThat(remote.events).contains(ChannelInputShutdownEvent.INSTANCE);
  }

  @Test
  void shouldPropagateResetToThePeerStreamChannel() {
    YamuxStreamChannel stream = open(new Collector());
    pump();
    stream.reset();
    pump();
    Collector remote = serverStreams.get(0);
    assertThat(remote.events).contains(YamuxStreamChannel.RESET_EVENT);
    assertThat(remote.channel.isOpen()).isFalse();
    assertThat(((YamuxStreamChannel) remote.channel).isReset()).isTrue();
    assertThat(stream.isOpen()).isFalse();
  }

  @Test
  void shouldCompletePingFutureOnPong() {
    Future<Void> ping = clientHandler.ping();
    assertThat(ping.isDone()).isFalse();
    pump();
    assertThat(ping.isSuccess()).isTrue();
  }

  @Test
  void shouldCloseTheConnectionAfterAProtocolError() {
    List<Throwable> errors = new ArrayList<>();
    server
        .pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
              }
            });
    YamuxStreamChannel stream = open(new Collector());
    pump();
    server.writeInbound(
        Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump("0f0000000000000100000000")));
    assertThat(errors)
        .singleElement()
        .extracting(e -> ((YamuxException) e).reason())
        .isEqualTo(YamuxException.Reason.BAD_VERSION);
    assertThat(server.isOpen()).isFalse();
    assertThat(serverStreams.get(0).events).contains(YamuxStreamChannel.RESET_EVENT);
    // The go-away reaches the client, which ends its session and closes too.
    pump();
    assertThat(client.isOpen()).isFalse();
    assertThat(stream.isOpen()).isFalse();
    assertThat(stream.isReset()).isTrue();
  }

  @Test
  void shouldFireGoAwayAsAUserEventOnTheConnection() {
    List<Object> events = new ArrayList<>();
    client
        .pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
              }
            });
    serverHandler.goAway(GoAwayCode.NORMAL);
    pump();
    assertThat(events).containsExactly(GoAwayCode.NORMAL);
    assertThat(clientHandler.openStream(new Collector()).cause())
        .isInstanceOf(YamuxException.class);
    assertThat(client.isOpen()).isTrue();
  }
}
