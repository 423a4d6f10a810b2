package io.basalt.networking.gossip.host;

import static io.basalt.networking.gossip.host.GossipService.PROTOCOLS;
import static io.basalt.networking.gossip.host.GossipService.key;

import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.GossipProtocol;
import io.basalt.networking.gossip.GossipRouter;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Direction;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostListener;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Protocol;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gossip streams of a {@link GossipService} and the router membership that follows them: one
 * outbound stream per connected peer that negotiates a gossip protocol, plus the peer's inbound
 * stream, kept per peer in a {@link PeerLink}. Writing goes through {@link RpcWriter}, reading
 * through {@link InboundRpcs}.
 *
 * <p>Every connection (already open or new) gets an outbound stream proposing both protocols, as
 * does a peer whose inbound stream arrives first; with several connections to a peer one outbound
 * stream is used. A peer is added to the router once our outbound stream is open and removed when
 * it closes or the last connection goes; RPCs that arrive before wait in {@link PeerLink#early}. An
 * outbound stream that died with its connection is reopened on another connection to the peer; one
 * the peer reset on a live connection is not. A second inbound stream replaces (resets) the first.
 *
 * <p>Threading: everything runs on the router thread ({@code loop} hops onto it) except {@link
 * #attach}, {@link #detach}, {@link #markClosed}, {@link #isClosed} and {@link #droppedInbound}.
 */
final class PeerStreams {
  private static final Logger LOG = LoggerFactory.getLogger(PeerStreams.class);

  private final Host host;
  private final GossipRouter router;
  private final Executor loop;
  private final Map<GossipPeerId, PeerLink> links = new HashMap<>();
  private final RpcWriter writer;
  private final InboundRpcs inbound;
  private final HostListener listener = new Listener();
  private volatile boolean closed;

  /**
   * @param router the router the streams feed; touched only on the router thread
   * @param loop runs tasks on the router thread (and drops them once it is stopped)
   */
  PeerStreams(
      Host host,
      GossipServiceConfig config,
      MisbehaviourReporter reporter,
      GossipRouter router,
      Executor loop) {
    this.host = host;
    this.router = router;
    this.loop = loop;
    this.writer = new RpcWriter(config, loop, links::get);
    this.inbound = new InboundRpcs(config, reporter, router, loop, links::get);
  }

  /** Registers the protocols and attaches to current and future connections. */
  void attach() {
    for (String protocol : PROTOCOLS) {
      host.registerProtocol(protocol, this::onInboundStream);
    }
    host.addListener(listener);
    for (Connection connection : host.connections()) {
      loop.execute(() -> connected(connection));
    }
  }

  /** Stops taking new connections and streams from the host (any thread). */
  void detach() {
    host.removeListener(listener);
    PROTOCOLS.forEach(host::unregisterProtocol);
  }

  /** On the router thread: marks the streams closed, resets every gossip stream, forgets peers. */
  void resetAll() {
    closed = true;
    for (PeerLink link : links.values()) {
      if (link.outbound != null) {
        link.outbound.reset();
      }
      if (link.inbound != null) {
        link.inbound.reset();
      }
    }
    links.clear();
  }

  /** Marks the streams closed: no new stream is kept (any thread). */
  void markClosed() {
    closed = true;
  }

  boolean isClosed() {
    return closed;
  }

  /** RPCs dropped because a peer's outbox was full; router thread only. */
  long droppedOutbound() {
    return writer.dropped();
  }

  /** Frames dropped because a peer sent faster than the router processed (any thread). */
  long droppedInbound() {
    return inbound.dropped();
  }

  /** The router's sink (router thread). */
  void send(GossipPeerId peer, Rpc rpc) {
    writer.send(peer, rpc);
  }

  // ---- peer links (router thread)

  private void connected(Connection connection) {
    if (closed || !connection.isOpen()) {
      return;
    }
    PeerLink link = link(connection.remotePeer());
    if (link.outbound == null && link.opening == null) {
      openOutbound(link, connection);
    }
  }

  private PeerLink link(PeerId peer) {
    GossipPeerId key = key(peer);
    return links.computeIfAbsent(key, k -> new PeerLink(peer, k));
  }

  private void openOutbound(PeerLink link, Connection connection) {
    link.opening = connection;
    connection
        .openStream(PROTOCOLS)
        .whenCompleteAsync(
            (stream, error) -> outboundOpened(link, connection, stream, error), loop);
  }

  private void outboundOpened(
      PeerLink link, Connection connection, Stream stream, Throwable error) {
    if (link.opening == connection) {
      link.opening = null;
    }
    if (error != null) {
      LOG.debug("No gossip stream to {}: {}", link.peer, error.toString());
      forgetIfIdle(link);
      return;
    }
    if (closed || links.get(link.key) != link || link.outbound != null) {
      stream.reset();
      return;
    }
    link.outbound = stream;
    // The peer should not write on our stream; whatever it sends is read and dropped.
    stream.setReader(new DiscardReader());
    stream.closeFuture().whenCompleteAsync((v, e) -> outboundClosed(link, stream), loop);
    GossipProtocol protocol =
        GossipProtocol.MESHSUB_V10.id().equals(stream.protocol())
            ? GossipProtocol.MESHSUB_V10
            : GossipProtocol.MESHSUB_V11;
    router.addPeer(
        link.key,
        protocol,
        connection.direction() == Direction.OUTBOUND,
        connection.remoteAddress().valueOf(Protocol.IP4));
    link.inRouter = true;
    Rpc early;
    while ((early = link.early.poll()) != null) {
      router.onRpc(link.key, early);
    }
    writer.drain(link);
  }

  private void outboundClosed(PeerLink link, Stream stream) {
    if (link.outbound != stream) {
      return;
    }
    link.outbound = null;
    link.inflightBytes = 0;
    leaveRouter(link);
    if (closed || links.get(link.key) != link) {
      return;
    }
    // Reopen only if the stream died with its connection and another connection remains; a peer
    // that resets our gossip stream on a live connection does not want it.
    if (!stream.connection().isOpen()) {
      for (Connection other : host.connections(link.peer)) {
        if (other.isOpen()) {
          openOutbound(link, other);
          return;
        }
      }
    }
    forgetIfIdle(link);
  }

  private void leaveRouter(PeerLink link) {
    if (link.inRouter) {
      link.inRouter = false;
      router.removePeer(link.key);
    }
    writer.forget(link.key);
    link.early.clear();
  }

  private void forgetIfIdle(PeerLink link) {
    if (link.idle() && links.get(link.key) == link) {
      leaveRouter(link);
      links.remove(link.key);
    }
  }

  private void disconnected(Connection connection) {
    PeerLink link = links.get(key(connection.remotePeer()));
    if (link == null || host.isConnected(link.peer)) {
      return; // the streams' own close events handle a connection among several
    }
    if (link.outbound != null) {
      link.outbound.reset();
      link.outbound = null;
    }
    if (link.inbound != null) {
      link.inbound.reset();
      link.inbound = null;
    }
    link.opening = null;
    forgetIfIdle(link);
  }

  // ---- inbound streams

  /**
   * The host's handler of an inbound gossip stream: reads it, then joins it on the router thread.
   */
  private void onInboundStream(Stream stream) {
    stream.setReader(inbound.reader(this::inboundClosed));
    loop.execute(() -> inboundOpened(stream));
  }

  private void inboundOpened(Stream stream) {
    if (closed) {
      stream.reset();
      return;
    }
    PeerLink link = link(stream.remotePeer());
    if (link.inbound != null && link.inbound != stream) {
      // A peer reopening its gossip stream replaces the old one (as go-libp2p does).
      link.inbound.reset();
    }
    link.inbound = stream;
    if (link.outbound == null && link.opening == null) {
      openOutbound(link, stream.connection());
    }
  }

  private void inboundClosed(Stream stream) {
    PeerLink link = links.get(key(stream.remotePeer()));
    if (link != null && link.inbound == stream) {
      link.inbound = null;
      forgetIfIdle(link);
    }
  }

  private static final class DiscardReader implements StreamReader {
    @Override
    public void onData(Stream stream, ByteBuffer data) {
      data.position(data.limit());
    }
  }

  private final class Listener implements HostListener {
    @Override
    public void onConnected(Connection connection) {
      loop.execute(() -> connected(connection));
    }

    @Override
    public void onDisconnected(Connection connection) {
      loop.execute(() -> disconnected(connection));
    }
  }
}
