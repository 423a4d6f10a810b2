package io.basalt.networking.host;

import io.basalt.networking.host.HostException.Reason;
import io.basalt.networking.host.identify.IdentifyInfo;
import io.basalt.networking.host.identify.IdentifyProtocol;
import io.basalt.networking.host.ping.PingProtocol;
import io.basalt.networking.host.transport.NettyConnection;
import io.basalt.networking.host.transport.StreamRegistry;
import io.basalt.networking.host.transport.TcpTransport;
import io.basalt.networking.host.transport.UpgradeListener;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p host: TCP, {@code /noise}, {@code /yamux/1.0.0}, streams negotiated by protocol id,
 * identify ({@code /ipfs/id/1.0.0}) run on every new connection and ping ({@code
 * /ipfs/ping/1.0.0}).
 *
 * <p>Usage: {@link #registerProtocol} the handlers, {@link #listen}, {@link #dial} peers; listen to
 * {@link HostListener} events. Thread-safe. {@link #close()} closes every connection and stops the
 * I/O threads.
 */
public final class Host implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Host.class);

  public static final String PROTOCOL_VERSION = "ipfs/0.1.0";
  private static final Duration IDENTIFY_TIMEOUT = Duration.ofSeconds(10);

  private final HostConfig config;
  private final PeerId peerId;
  private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
  private final List<String> protocolOrder = new CopyOnWriteArrayList<>();
  private final Map<PeerId, List<Connection>> connections = new ConcurrentHashMap<>();
  private final Map<PeerId, IdentifyInfo> peerInfo = new ConcurrentHashMap<>();
  private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Multiaddr> listenAddresses = new CopyOnWriteArrayList<>();
  private final TcpTransport transport;
  private volatile ConnectionGate gate = ConnectionGate.ALLOW_ALL;

  public Host(HostConfig config) {
    this.config = config;
    this.peerId = PeerId.fromPublicKey(config.identity().publicKey());
    this.transport = new TcpTransport(config, new Registry(), new Upgrades());
    registerProtocol(IdentifyProtocol.PROTOCOL_ID, new IdentifyProtocol(this::localInfo));
    registerProtocol(PingProtocol.PROTOCOL_ID, new PingProtocol());
  }

  public PeerId peerId() {
    return peerId;
  }

  public HostConfig config() {
    return config;
  }

  /**
   * Serves {@code protocolId} on inbound streams (replacing an earlier handler). Long-lived
   * protocols (gossipsub) keep the stream they are given.
   */
  public void registerProtocol(String protocolId, StreamHandler handler) {
    if (handlers.put(protocolId, handler) == null) {
      protocolOrder.add(protocolId);
    }
  }

  public void unregisterProtocol(String protocolId) {
    handlers.remove(protocolId);
    protocolOrder.remove(protocolId);
  }

  /** The protocol ids we serve. */
  public List<String> protocols() {
    return List.copyOf(protocolOrder);
  }

  public void addListener(HostListener listener) {
    listeners.add(listener);
  }

  public void removeListener(HostListener listener) {
    listeners.remove(listener);
  }

  /** Checks every authenticated peer before its connection is multiplexed (e.g. bans). */
  public void setConnectionGate(ConnectionGate gate) {
    this.gate = gate;
  }

  /**
   * Listens on a TCP address ({@code /ip4/127.0.0.1/tcp/0} picks a free port).
   *
   * @return the bound address
   */
  public CompletableFuture<Multiaddr> listen(Multiaddr address) {
    return transport
        .listen(address)
        .thenApply(
            bound -> {
              listenAddresses.add(bound);
              return bound;
            });
  }

  /** Bound addresses, without {@code /p2p}. */
  public List<Multiaddr> listenAddresses() {
    return List.copyOf(listenAddresses);
  }

  /**
   * Dials {@code address}, which must end with {@code /p2p/<peer id>}; the Noise handshake fails
   * unless the peer proves that identity.
   */
  public CompletableFuture<Connection> dial(Multiaddr address) {
    Optional<PeerId> peer;
    try {
      peer = address.peerId();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new HostException(Reason.BAD_ADDRESS, "bad peer id in " + address, e));
    }
    if (peer.isEmpty()) {
      return CompletableFuture.failedFuture(
          new HostException(Reason.BAD_ADDRESS, "dial address without /p2p: " + address));
    }
    if (peer.get().equals(peerId)) {
      return CompletableFuture.failedFuture(new HostException(Reason.SELF_DIAL, "own address"));
    }
    if (!gate.allow(peer.get(), address.withoutPeerId(), Direction.OUTBOUND)) {
      return CompletableFuture.failedFuture(
          new HostException(Reason.REFUSED, "the connection gate refuses " + peer.get()));
    }
    return transport.dial(address.withoutPeerId(), peer.get()).thenApply(c -> (Connection) c);
  }

  /** Open connections to {@code peer}. */
  public List<Connection> connections(PeerId peer) {
    return List.copyOf(connections.getOrDefault(peer, List.of()));
  }

  /** Every open connection. */
  public List<Connection> connections() {
    List<Connection> all = new ArrayList<>();
    connections.values().forEach(all::addAll);
    return all;
  }

  /** Peers with at least one open connection. */
  public Collection<PeerId> connectedPeers() {
    return List.copyOf(connections.keySet());
  }

  public boolean isConnected(PeerId peer) {
    return connections.containsKey(peer);
  }

  /** What {@code peer} told us in identify, if it did. */
  public Optional<IdentifyInfo> peerInfo(PeerId peer) {
    return Optional.ofNullable(peerInfo.get(peer));
  }

  /** Opens a stream to {@code peer} over an existing connection. */
  public CompletableFuture<Stream> newStream(PeerId peer, List<String> protocols) {
    List<Connection> open = connections(peer);
    if (open.isEmpty()) {
      return CompletableFuture.failedFuture(
          new HostException(Reason.CLOSED, "not connected to " + peer));
    }
    return open.get(0).openStream(protocols);
  }

  /** {@code /ipfs/ping/1.0.0} round trip to a connected peer. */
  public CompletableFuture<Duration> ping(PeerId peer, Duration timeout) {
    List<Connection> open = connections(peer);
    if (open.isEmpty()) {
      return CompletableFuture.failedFuture(
          new HostException(Reason.CLOSED, "not connected to " + peer));
    }
    return PingProtocol.ping(open.get(0), timeout);
  }

  /** Closes every connection to {@code peer}. */
  public CompletableFuture<Void> disconnect(PeerId peer) {
    return CompletableFuture.allOf(
        connections(peer).stream().map(Connection::close).toArray(CompletableFuture[]::new));
  }

  private IdentifyInfo localInfo(Connection connection) {
    return new IdentifyInfo(
        PROTOCOL_VERSION,
        config.agentVersion(),
        Optional.of(config.identity().publicKey()),
        listenAddresses(),
        Optional.of(connection.remoteAddress()),
        protocols(),
        Optional.empty());
  }

  @Override
  public void close() {
    transport.close();
  }

  private final class Registry implements StreamRegistry {
    @Override
    public List<String> protocols() {
      return Host.this.protocols();
    }

    @Override
    public Optional<StreamHandler> handler(String protocol) {
      return Optional.ofNullable(handlers.get(protocol));
    }
  }

  private final class Upgrades implements UpgradeListener {
    @Override
    public Optional<HostException> admit(PeerId peer, Multiaddr remote, Direction direction) {
      if (!gate.allow(peer, remote, direction)) {
        return Optional.of(
            new HostException(Reason.REFUSED, "the connection gate refuses " + peer));
      }
      if (connections(peer).size() >= config.maxConnectionsPerPeer()) {
        return Optional.of(
            new HostException(
                Reason.CONNECTION_LIMIT,
                "already " + config.maxConnectionsPerPeer() + " connections to " + peer));
      }
      return Optional.empty();
    }

    @Override
    public void onUpgraded(NettyConnection connection) {
      connections.compute(
          connection.remotePeer(),
          (peer, list) -> {
            List<Connection> updated = list == null ? new CopyOnWriteArrayList<>() : list;
            updated.add(connection);
            return updated;
          });
      LOG.debug("Connected {}", connection);
      listeners.forEach(l -> safely(() -> l.onConnected(connection)));
      IdentifyProtocol.request(connection, IDENTIFY_TIMEOUT)
          .whenComplete(
              (info, error) -> {
                if (error != null) {
                  LOG.debug("Identify of {} failed: {}", connection, error.toString());
                  return;
                }
                peerInfo.put(connection.remotePeer(), info);
                listeners.forEach(l -> safely(() -> l.onIdentified(connection, info)));
              });
    }

    @Override
    public void onClosed(NettyConnection connection) {
      boolean[] last = {false};
      connections.computeIfPresent(
          connection.remotePeer(),
          (peer, list) -> {
            list.remove(connection);
            last[0] = list.isEmpty();
            return list.isEmpty() ? null : list;
          });
      if (last[0]) {
        peerInfo.remove(connection.remotePeer());
      }
      LOG.debug("Disconnected {}", connection);
      listeners.forEach(l -> safely(() -> l.onDisconnected(connection)));
    }

    private void safely(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        LOG.warn("Host listener failed", e);
      }
    }
  }
}
