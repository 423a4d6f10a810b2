package io.basalt.networking.gossip.host;

import io.basalt.networking.gossip.GossipClock;
import io.basalt.networking.gossip.GossipParams;
import io.basalt.networking.gossip.MessageIdFunction;
import io.basalt.networking.gossip.PeerExchangeListener;
import io.basalt.networking.gossip.PeerScoreParams;
import io.basalt.networking.gossip.PeerScoreThresholds;
import io.basalt.networking.gossip.RpcLimits;
import java.util.Objects;

/**
 * Settings of a {@link GossipService}.
 *
 * @param params router parameters; {@code heartbeatIntervalMillis} is also the heartbeat schedule
 * @param scoreParams peer scoring
 * @param thresholds score thresholds
 * @param limits RPC decoding bounds; {@code maxRpcBytes} is also the frame length limit
 * @param messageIds message id function (both sides of a topic must agree)
 * @param clock router time (milliseconds); {@link #MONOTONIC_CLOCK} in production
 * @param seed seed of the router's random choices (mesh selection, gossip targets)
 * @param outboxCapacity RPCs queued per peer while its stream is busy; more are dropped
 * @param maxInflightBytes encoded bytes handed to a peer's stream and not yet accepted by the muxer
 * @param maxPendingInboundFrames frames received from one peer and not yet processed by the router;
 *     more are dropped (like go-libp2p's bounded incoming queue)
 * @param pxListener receives peer exchange from PRUNEs
 */
public record GossipServiceConfig(
    GossipParams params,
    PeerScoreParams scoreParams,
    PeerScoreThresholds thresholds,
    RpcLimits limits,
    MessageIdFunction messageIds,
    GossipClock clock,
    long seed,
    int outboxCapacity,
    int maxInflightBytes,
    int maxPendingInboundFrames,
    PeerExchangeListener pxListener) {

  /** Ethereum's gossipsub heartbeat. */
  public static final long DEFAULT_HEARTBEAT_MILLIS = 700;

  /** Milliseconds from {@link System#nanoTime()}: never goes backwards with wall-clock changes. */
  public static final GossipClock MONOTONIC_CLOCK = () -> System.nanoTime() / 1_000_000;

  public GossipServiceConfig {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(scoreParams, "scoreParams");
    Objects.requireNonNull(thresholds, "thresholds");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(messageIds, "messageIds");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pxListener, "pxListener");
    if (outboxCapacity < 1 || maxInflightBytes < 1 || maxPendingInboundFrames < 1) {
      throw new IllegalArgumentException("gossip service queue bounds must be positive");
    }
  }

  /**
   * Gossipsub defaults with a 700 ms heartbeat, no topic scoring, SHA-256 message ids, 1 MiB
   * frames, 1024 queued RPCs and 1 MiB in flight per peer, 256 pending inbound frames per peer.
   */
  public static GossipServiceConfig defaults() {
    return new GossipServiceConfig(
        GossipParams.defaults().withHeartbeatIntervalMillis(DEFAULT_HEARTBEAT_MILLIS),
        PeerScoreParams.defaults(),
        PeerScoreThresholds.defaults(),
        RpcLimits.DEFAULT,
        MessageIdFunction.sha256OfData(),
        MONOTONIC_CLOCK,
        System.nanoTime(),
        1024,
        1 << 20,
        256,
        (from, topic, peers) -> {});
  }

  public GossipServiceConfig withParams(GossipParams value) {
    return new GossipServiceConfig(
        value,
        scoreParams,
        thresholds,
        limits,
        messageIds,
        clock,
        seed,
        outboxCapacity,
        maxInflightBytes,
        maxPendingInboundFrames,
        pxListener);
  }

  public GossipServiceConfig withScoring(PeerScoreParams value, PeerScoreThresholds limitsOfScore) {
    return new GossipServiceConfig(
        params,
        value,
        limitsOfScore,
        limits,
        messageIds,
        clock,
        seed,
        outboxCapacity,
        maxInflightBytes,
        maxPendingInboundFrames,
        pxListener);
  }

  public GossipServiceConfig withSeed(long value) {
    return new GossipServiceConfig(
        params,
        scoreParams,
        thresholds,
        limits,
        messageIds,
        clock,
        value,
        outboxCapacity,
        maxInflightBytes,
        maxPendingInboundFrames,
        pxListener);
  }
}
