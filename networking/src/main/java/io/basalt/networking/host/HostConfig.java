package io.basalt.networking.host;

import io.basalt.networking.identity.PeerPrivateKey;
import io.basalt.networking.yamux.YamuxConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Host}.
 *
 * @param identity the node's libp2p identity (secp256k1 for Basalt nodes)
 * @param agentVersion sent in identify, e.g. {@code basalt/0.1.0}
 * @param ioThreads threads of the one event loop group (defaults to the number of cores)
 * @param connectTimeout TCP connect
 * @param securityTimeout from TCP established to the Noise handshake done
 * @param muxerTimeout from Noise done to yamux agreed
 * @param streamNegotiationTimeout multistream-select on a new stream
 * @param maxConnections all connections, including those still upgrading
 * @param maxConnectionsPerPeer established connections to one peer
 * @param maxStreamSendBuffer bytes a stream buffers beyond the muxer's queue before writes fail
 * @param yamux muxer limits
 */
public record HostConfig(
    PeerPrivateKey identity,
    String agentVersion,
    int ioThreads,
    Duration connectTimeout,
    Duration securityTimeout,
    Duration muxerTimeout,
    Duration streamNegotiationTimeout,
    int maxConnections,
    int maxConnectionsPerPeer,
    int maxStreamSendBuffer,
    YamuxConfig yamux) {

  public static final String DEFAULT_AGENT = "basalt/0.1.0";

  public HostConfig {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(agentVersion, "agentVersion");
    if (ioThreads < 1 || maxConnections < 1 || maxConnectionsPerPeer < 1) {
      throw new IllegalArgumentException("threads and connection limits must be positive");
    }
    if (maxStreamSendBuffer < 1) {
      throw new IllegalArgumentException("maxStreamSendBuffer must be positive");
    }
  }

  /** Defaults: one I/O thread per core, 10 s connect/security/muxer, 10 s stream negotiation. */
  public static HostConfig defaults(PeerPrivateKey identity) {
    return new HostConfig(
        identity,
        DEFAULT_AGENT,
        Runtime.getRuntime().availableProcessors(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        200,
        2,
        4 * 1024 * 1024,
        YamuxConfig.DEFAULT);
  }

  public HostConfig withIoThreads(int threads) {
    return new HostConfig(
        identity,
        agentVersion,
        threads,
        connectTimeout,
        securityTimeout,
        muxerTimeout,
        streamNegotiationTimeout,
        maxConnections,
        maxConnectionsPerPeer,
        maxStreamSendBuffer,
        yamux);
  }

  public HostConfig withTimeouts(
      Duration connect, Duration security, Duration muxer, Duration streamNegotiation) {
    return new HostConfig(
        identity,
        agentVersion,
        ioThreads,
        connect,
        security,
        muxer,
        streamNegotiation,
        maxConnections,
        maxConnectionsPerPeer,
        maxStreamSendBuffer,
        yamux);
  }

  public HostConfig withConnectionLimits(int total, int perPeer) {
    return new HostConfig(
        identity,
        agentVersion,
        ioThreads,
        connectTimeout,
        securityTimeout,
        muxerTimeout,
        streamNegotiationTimeout,
        total,
        perPeer,
        maxStreamSendBuffer,
        yamux);
  }

  public HostConfig withAgentVersion(String agent) {
    return new HostConfig(
        identity,
        agent,
        ioThreads,
        connectTimeout,
        securityTimeout,
        muxerTimeout,
        streamNegotiationTimeout,
        maxConnections,
        maxConnectionsPerPeer,
        maxStreamSendBuffer,
        yamux);
  }
}
