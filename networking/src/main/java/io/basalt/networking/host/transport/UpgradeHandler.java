package io.basalt.networking.host.transport;

import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.HostException;
import io.basalt.networking.host.HostException.Reason;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.multistream.MultistreamException;
import io.basalt.networking.multistream.MultistreamHandler;
import io.basalt.networking.multistream.MultistreamInitiator;
import io.basalt.networking.multistream.MultistreamNegotiator;
import io.basalt.networking.multistream.MultistreamResponder;
import io.basalt.networking.multistream.ProtocolNegotiatedEvent;
import io.basalt.networking.noise.NoiseException;
import io.basalt.networking.noise.NoiseHandler;
import io.basalt.networking.noise.NoiseHandshake;
import io.basalt.networking.noise.NoiseSecuredEvent;
import io.basalt.networking.yamux.YamuxException;
import io.basalt.networking.yamux.netty.YamuxHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the connection upgrade on a TCP channel, last in its pipeline:
 *
 * <pre>
 *   multistream-select /noise → Noise XX (peer id checked when dialling) → gate
 *     → multistream-select /yamux/1.0.0 → yamux
 * </pre>
 *
 * Each phase is bounded in time (security, muxer). Any failure before the end completes {@code
 * result} with a typed {@link HostException} and closes the channel; garbage from a peer thus ends
 * as one logged error. After the upgrade it reports the connection's closing.
 */
public final class UpgradeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(UpgradeHandler.class);

  static final String MUXER = "/yamux/1.0.0";

  private final HostConfig config;
  private final Direction direction;
  private final Optional<PeerId> expectedPeer;
  private final StreamRegistry registry;
  private final UpgradeListener listener;
  private final SecureRandom random;
  private final CompletableFuture<NettyConnection> result;
  private ScheduledFuture<?> timer;
  private PeerId remotePeer;
  private NettyConnection connection;
  private boolean failed;

  public UpgradeHandler(
      HostConfig config,
      Direction direction,
      Optional<PeerId> expectedPeer,
      StreamRegistry registry,
      UpgradeListener listener,
      SecureRandom random,
      CompletableFuture<NettyConnection> result) {
    this.config = config;
    this.direction = direction;
    this.expectedPeer = expectedPeer;
    this.registry = registry;
    this.listener = listener;
    this.random = random;
    this.result = result;
  }

  private boolean dialer() {
    return direction == Direction.OUTBOUND;
  }

  private MultistreamNegotiator negotiator(String protocol) {
    return dialer()
        ? new MultistreamInitiator(List.of(protocol))
        : new MultistreamResponder(List.of(protocol));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    startTimer(ctx, config.securityTimeout(), Reason.SECURITY_TIMEOUT, "security handshake");
    ctx.pipeline()
        .addBefore(
            ctx.name(),
            "ms-security",
            new MultistreamHandler(negotiator(NoiseHandshake.PROTOCOL_ID)));
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ProtocolNegotiatedEvent negotiated) {
      if (negotiated.protocol().equals(NoiseHandshake.PROTOCOL_ID)) {
        NoiseHandshake handshake =
            dialer()
                ? NoiseHandshake.initiator(config.identity(), expectedPeer, random)
                : NoiseHandshake.responder(config.identity(), random);
        ctx.pipeline().addAfter("ms-security", "noise", new NoiseHandler(handshake));
      } else if (negotiated.protocol().equals(MUXER)) {
        onMuxerAgreed(ctx);
      }
    } else if (evt instanceof NoiseSecuredEvent secured) {
      onSecured(ctx, secured.remotePeerId());
    } else {
      LOG.debug("Connection event {} from {}", evt, ctx.channel().remoteAddress());
    }
    ReferenceCountUtil.release(evt);
  }

  private void onSecured(ChannelHandlerContext ctx, PeerId peer) {
    timer.cancel(false);
    remotePeer = peer;
    if (peer.equals(PeerId.fromPublicKey(config.identity().publicKey()))) {
      fail(ctx, new HostException(Reason.SELF_DIAL, "connected to ourselves"));
      return;
    }
    Optional<HostException> refusal = listener.admit(peer, remoteAddress(ctx), direction);
    if (refusal.isPresent()) {
      fail(ctx, refusal.get());
      return;
    }
    startTimer(ctx, config.muxerTimeout(), Reason.MUXER_TIMEOUT, "muxer negotiation");
    ctx.pipeline().addAfter("noise", "ms-muxer", new MultistreamHandler(negotiator(MUXER)));
  }

  private void onMuxerAgreed(ChannelHandlerContext ctx) {
    timer.cancel(false);
    connection =
        new NettyConnection(
            ctx.channel(),
            remotePeer,
            remoteAddress(ctx),
            TcpAddresses.toMultiaddr(ctx.channel().localAddress()).orElse(remoteAddress(ctx)),
            direction,
            registry,
            config.streamNegotiationTimeout(),
            config.maxStreamSendBuffer());
    YamuxHandler yamux =
        new YamuxHandler(dialer(), config.yamux(), connection.inboundInitializer());
    ctx.pipeline().addAfter("ms-muxer", "yamux", yamux);
    connection.attach(yamux);
    listener.onUpgraded(connection);
    result.complete(connection);
  }

  private static Multiaddr remoteAddress(ChannelHandlerContext ctx) {
    return TcpAddresses.toMultiaddr(ctx.channel().remoteAddress())
        .orElseGet(() -> Multiaddr.parse("/ip4/0.0.0.0/tcp/0"));
  }

  private void startTimer(ChannelHandlerContext ctx, Duration timeout, Reason reason, String what) {
    timer =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        ctx,
                        new HostException(
                            reason, what + " not done within " + timeout.toMillis() + " ms")),
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (connection != null) {
      LOG.debug("Connection {} failed: {}", connection, cause.toString());
      ctx.close();
      return;
    }
    fail(ctx, classify(cause));
  }

  private HostException classify(Throwable cause) {
    if (cause instanceof HostException e) {
      return e;
    }
    if (cause instanceof NoiseException) {
      return new HostException(Reason.SECURITY_FAILED, cause.getMessage(), cause);
    }
    if (cause instanceof MultistreamException e) {
      return new HostException(
          Reason.NEGOTIATION_FAILED, e.reason() + ": " + e.getMessage(), cause);
    }
    if (cause instanceof YamuxException) {
      return new HostException(Reason.MUXER_FAILED, cause.getMessage(), cause);
    }
    if (cause instanceof IOException) {
      return new HostException(Reason.CLOSED, "I/O error: " + cause.getMessage(), cause);
    }
    return new HostException(Reason.CLOSED, "upgrade failed: " + cause, cause);
  }

  private void fail(ChannelHandlerContext ctx, HostException error) {
    if (failed || connection != null) {
      return;
    }
    failed = true;
    if (timer != null) {
      timer.cancel(false);
    }
    LOG.debug(
        "{} upgrade with {} failed: {}",
        direction,
        ctx.channel().remoteAddress(),
        error.getMessage());
    result.completeExceptionally(error);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (connection != null) {
      listener.onClosed(connection);
    } else {
      fail(ctx, new HostException(Reason.CLOSED, "connection closed during the upgrade"));
    }
    ctx.fireChannelInactive();
  }
}
