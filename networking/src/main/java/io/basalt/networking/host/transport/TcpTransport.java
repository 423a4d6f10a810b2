package io.basalt.networking.host.transport;

import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.HostException.Reason;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TCP listening and dialling on one Netty event loop group, with every new channel's pipeline set
 * up for the upgrade ({@link UpgradeHandler}). Enforces the total connection limit (upgrading
 * connections included) and owns every channel, so {@link #close()} releases everything.
 */
public final class TcpTransport implements AutoCloseable {

  /** Flushes held back in one event-loop turn before one goes out regardless (Netty's default). */
  private static final int MAX_FLUSHES_HELD = 256;

  private final HostConfig config;
  private final StreamRegistry registry;
  private final UpgradeListener listener;
  private final SecureRandom random = new SecureRandom();
  private final EventLoopGroup group;
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  public TcpTransport(HostConfig config, StreamRegistry registry, UpgradeListener listener) {
    this.config = config;
    this.registry = registry;
    this.listener = listener;
    this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NioIoHandler.newFactory());
  }

  /** Binds a listener; completes with the bound address (the actual port when 0 was asked). */
  public CompletableFuture<Multiaddr> listen(Multiaddr address) {
    InetSocketAddress socket = TcpAddresses.toSocketAddress(address);
    CompletableFuture<Multiaddr> result = new CompletableFuture<>();
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 128)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
            .childHandler(initializer(Direction.INBOUND, Optional.empty(), null));
    bootstrap
        .bind(socket)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                Channel server = ((io.netty.channel.ChannelFuture) f).channel();
                channels.add(server);
                result.complete(TcpAddresses.toMultiaddr(server.localAddress()).orElseThrow());
              } else {
                result.completeExceptionally(
                    new HostException(
                        Reason.BAD_ADDRESS, "cannot listen on " + address, f.cause()));
              }
            });
    return result;
  }

  /** Dials and upgrades; {@code expectedPeer} is enforced by the Noise handshake. */
  public CompletableFuture<NettyConnection> dial(Multiaddr address, PeerId expectedPeer) {
    CompletableFuture<NettyConnection> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(new HostException(Reason.HOST_CLOSED, "host closed"));
      return result;
    }
    InetSocketAddress socket;
    try {
      socket = TcpAddresses.toSocketAddress(address);
    } catch (HostException e) {
      result.completeExceptionally(e);
      return result;
    }
    new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .handler(initializer(Direction.OUTBOUND, Optional.of(expectedPeer), result))
        .connect(socket)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    f.cause() instanceof HostException e
                        ? e
                        : new HostException(
                            Reason.CONNECT_FAILED,
                            "cannot connect to " + address + ": " + f.cause().getMessage(),
                            f.cause()));
              }
            });
    return result;
  }

  private static WriteBufferWaterMark waterMark() {
    return new WriteBufferWaterMark(256 * 1024, 1024 * 1024);
  }

  private ChannelInitializer<SocketChannel> initializer(
      Direction direction,
      Optional<PeerId> expectedPeer,
      CompletableFuture<NettyConnection> dialResult) {
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel channel) {
        CompletableFuture<NettyConnection> result =
            dialResult != null ? dialResult : new CompletableFuture<>();
        if (closed || connections.incrementAndGet() > config.maxConnections()) {
          if (!closed) {
            connections.decrementAndGet();
          }
          result.completeExceptionally(
              new HostException(
                  closed ? Reason.HOST_CLOSED : Reason.CONNECTION_LIMIT,
                  "at most " + config.maxConnections() + " connections"));
          channel.close();
          return;
        }
        channel.closeFuture().addListener(f -> connections.decrementAndGet());
        channels.add(channel);
        channel
            .pipeline()
            // Under load every stream write ends in its own flush; coalescing the flushes of one
            // event-loop turn sends them in one socket write instead of one syscall each.
            .addLast("flush", new FlushConsolidationHandler(MAX_FLUSHES_HELD, true))
            .addLast(
                "upgrade",
                new UpgradeHandler(
                    config, direction, expectedPeer, registry, listener, random, result));
      }
    };
  }

  /** Connections open or upgrading. */
  public int connectionCount() {
    return connections.get();
  }

  @Override
  public void close() {
    closed = true;
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
