package io.basalt.networking.host.transport;

import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.Stream;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.multistream.MultistreamHandler;
import io.basalt.networking.multistream.MultistreamInitiator;
import io.basalt.networking.multistream.MultistreamResponder;
import io.basalt.networking.yamux.netty.YamuxHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A {@link Connection} over an upgraded Netty channel whose pipeline ends with yamux. */
public final class NettyConnection implements Connection {

  private final Channel channel;
  private final PeerId remotePeer;
  private final Multiaddr remoteAddress;
  private final Multiaddr localAddress;
  private final Direction direction;
  private final StreamRegistry registry;
  private final Duration negotiationTimeout;
  private final int maxSendBuffer;
  private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
  private volatile YamuxHandler yamux;

  NettyConnection(
      Channel channel,
      PeerId remotePeer,
      Multiaddr remoteAddress,
      Multiaddr localAddress,
      Direction direction,
      StreamRegistry registry,
      Duration negotiationTimeout,
      int maxSendBuffer) {
    this.channel = channel;
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
    this.localAddress = localAddress;
    this.direction = direction;
    this.registry = registry;
    this.negotiationTimeout = negotiationTimeout;
    this.maxSendBuffer = maxSendBuffer;
    channel.closeFuture().addListener(f -> closeFuture.complete(null));
  }

  void attach(YamuxHandler handler) {
    this.yamux = handler;
  }

  /** The sharable initializer of streams the peer opens: answer, then dispatch. */
  ChannelHandler inboundInitializer() {
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel stream) {
        stream
            .pipeline()
            .addLast(
                "multistream",
                new MultistreamHandler(new MultistreamResponder(registry.protocols())))
            .addLast(
                "setup",
                new StreamSetupHandler(
                    NettyConnection.this, Direction.INBOUND, negotiationTimeout, null));
      }
    };
  }

  StreamRegistry registry() {
    return registry;
  }

  int maxSendBuffer() {
    return maxSendBuffer;
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  @Override
  public Multiaddr localAddress() {
    return localAddress;
  }

  @Override
  public Direction direction() {
    return direction;
  }

  @Override
  public CompletableFuture<Stream> openStream(List<String> protocols) {
    CompletableFuture<Stream> result = new CompletableFuture<>();
    if (protocols.isEmpty()) {
      result.completeExceptionally(new IllegalArgumentException("no protocol to propose"));
      return result;
    }
    if (!channel.isActive() || yamux == null) {
      result.completeExceptionally(
          new HostException(
              HostException.Reason.CLOSED, "connection to " + remotePeer + " closed"));
      return result;
    }
    List<String> proposals = List.copyOf(protocols);
    ChannelInitializer<Channel> initializer =
        new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel stream) {
            stream
                .pipeline()
                .addLast("multistream", new MultistreamHandler(new MultistreamInitiator(proposals)))
                .addLast(
                    "setup",
                    new StreamSetupHandler(
                        NettyConnection.this, Direction.OUTBOUND, negotiationTimeout, result));
          }
        };
    yamux
        .openStream(initializer)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new HostException(
                        HostException.Reason.MUXER_FAILED,
                        "cannot open a stream to " + remotePeer + ": " + f.cause().getMessage(),
                        f.cause()));
              }
            });
    return result;
  }

  /** Sends a yamux ping and completes with the round trip (a muxer-level liveness check). */
  public CompletableFuture<Duration> muxerPing() {
    CompletableFuture<Duration> result = new CompletableFuture<>();
    long start = System.nanoTime();
    yamux
        .ping()
        .addListener(
            f -> {
              if (f.isSuccess()) {
                result.complete(Duration.ofNanos(System.nanoTime() - start));
              } else {
                result.completeExceptionally(f.cause());
              }
            });
    return result;
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public CompletableFuture<Void> close() {
    channel.close();
    return closeFuture;
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closeFuture;
  }

  @Override
  public String toString() {
    return "Connection[" + direction + " " + remotePeer + " " + remoteAddress + "]";
  }
}
