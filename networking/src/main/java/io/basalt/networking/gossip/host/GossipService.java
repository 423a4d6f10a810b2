package io.basalt.networking.gossip.host;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.VarintFrames;
import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.GossipProtocol;
import io.basalt.networking.gossip.GossipRouter;
import io.basalt.networking.gossip.GossipRouter.PublishResult;
import io.basalt.networking.gossip.MessageHandler;
import io.basalt.networking.gossip.PeerOutbox;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.gossip.RpcCodec;
import io.basalt.networking.gossip.RpcDecodeException;
import io.basalt.networking.gossip.TopicValidator;
import io.basalt.networking.gossip.ValidationResult;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Direction;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostListener;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Protocol;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gossipsub over a {@link Host}: serves {@code /meshsub/1.1.0} and {@code /meshsub/1.0.0}, opens
 * one outbound gossip stream per connected peer that negotiates either, reads the peer's inbound
 * stream as {@code varint(length) || rpc} frames and runs the {@link GossipRouter} on one dedicated
 * thread (the "router thread"): every router call, stream event, validation result and the
 * heartbeat hop onto it.
 *
 * <p>Backpressure: the router's RPCs queue per peer in a bounded {@link PeerOutbox} and go to the
 * stream while less than {@code maxInflightBytes} are waiting in it; inbound frames waiting for the
 * router thread are bounded per stream. Both drop (and count) beyond their bound, as gossipsub
 * implementations do.
 *
 * <p>Misbehaviour: a malformed frame or RPC resets the stream and reports the peer ({@link
 * Misbehaviour#LOW_TOLERANCE}); a message the validator REJECTs reports its sender as well (on top
 * of the router's own P4 scoring).
 *
 * <p>Message handlers and validators are called on the router thread and must not block (validators
 * return a future for slow work). Public methods are thread-safe.
 */
public final class GossipService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GossipService.class);

  /** Protocol ids in order of preference. */
  public static final List<String> PROTOCOLS =
      List.of(GossipProtocol.MESHSUB_V11.id(), GossipProtocol.MESHSUB_V10.id());

  private static final long QUERY_TIMEOUT_SECONDS = 10;

  private final Host host;
  private final GossipServiceConfig config;
  private final MisbehaviourReporter reporter;
  private final ScheduledExecutorService thread;
  private final Executor loop = this::onRouterThread;
  private final PeerOutbox outbox;
  private final GossipRouter router;
  private final Map<GossipPeerId, PeerLink> links = new HashMap<>();
  private final HostListener listener = new Listener();
  private final AtomicLong droppedInbound = new AtomicLong();
  private volatile Thread routerThread;
  private volatile boolean closed;

  private GossipService(Host host, GossipServiceConfig config, MisbehaviourReporter reporter) {
    this.host = host;
    this.config = config;
    this.reporter = reporter;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t =
                  new Thread(r, "gossip-router-" + host.peerId().toBase58().substring(0, 12));
              t.setDaemon(true);
              routerThread = t;
              return t;
            });
    this.outbox = new PeerOutbox(config.outboxCapacity());
    this.router =
        new GossipRouter(
            config.params(),
            config.scoreParams(),
            config.thresholds(),
            config.limits(),
            config.messageIds(),
            config.clock(),
            new Random(config.seed()),
            this::send,
            loop,
            config.pxListener());
  }

  /**
   * Starts gossip on {@code host}: registers the protocols, attaches to current and future
   * connections and schedules the heartbeat every {@code params().heartbeatIntervalMillis()}.
   *
   * @param reporter told about malformed frames and rejected messages (e.g. the {@code
   *     PeerManager}); {@link MisbehaviourReporter#NONE} to ignore
   */
  public static GossipService start(
      Host host, GossipServiceConfig config, MisbehaviourReporter reporter) {
    GossipService service = new GossipService(host, config, reporter);
    service.attach();
    return service;
  }

  private void attach() {
    for (String protocol : PROTOCOLS) {
      host.registerProtocol(protocol, this::onInboundStream);
    }
    host.addListener(listener);
    for (Connection connection : host.connections()) {
      onRouterThread(() -> connected(connection));
    }
    long interval = config.params().heartbeatIntervalMillis();
    thread.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** The router's key of a libp2p peer: its peer id's multihash bytes. */
  public static GossipPeerId key(PeerId peer) {
    return new GossipPeerId(Bytes.wrap(peer.toBytes()));
  }

  /** The libp2p peer behind a router key. */
  public static PeerId peerId(GossipPeerId key) {
    return PeerId.fromBytes(key.bytes().toArrayUnsafe());
  }

  // ---- public API (any thread)

  /** Subscribes; {@code handler} gets each accepted message once, on the router thread. */
  public void subscribe(String topic, MessageHandler handler) {
    onRouterThread(() -> router.subscribe(topic, handler));
  }

  public void unsubscribe(String topic) {
    onRouterThread(() -> router.unsubscribe(topic));
  }

  /**
   * Sets the validator of a topic. It is called on the router thread; its future may complete on
   * any thread. A REJECT also reports the sender to the {@link MisbehaviourReporter}.
   */
  public void setValidator(String topic, TopicValidator validator) {
    TopicValidator reporting =
        (from, message) ->
            validator
                .validate(from, message)
                .thenApply(
                    result -> {
                      if (result == ValidationResult.REJECT) {
                        report(from, Misbehaviour.LOW_TOLERANCE, "invalid message on " + topic);
                      }
                      return result;
                    });
    onRouterThread(() -> router.setValidator(topic, reporting));
  }

  /**
   * Publishes {@code data} (StrictNoSign); completes on the router thread once it is queued.
   *
   * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
   */
  public CompletableFuture<PublishResult> publish(String topic, byte[] data) {
    Bytes copy = Bytes.wrap(data.clone());
    // The raw executor: after close() the call throws instead of returning a future that never
    // completes.
    return CompletableFuture.supplyAsync(() -> router.publish(topic, copy), thread);
  }

  /** The peers in our mesh of {@code topic}. */
  public Set<PeerId> meshPeers(String topic) {
    return inspect(
        r -> r.meshPeers(topic).stream().map(GossipService::peerId).collect(Collectors.toSet()));
  }

  /** The router's score of {@code peer} (0 when unknown). */
  public double score(PeerId peer) {
    return inspect(r -> r.score(key(peer)));
  }

  /**
   * Runs {@code query} on the router thread and returns its result (waits at most 10 s). For
   * metrics and tests; the query must not keep the router.
   */
  public <T> T inspect(Function<GossipRouter, T> query) {
    if (Thread.currentThread() == routerThread) {
      return query.apply(router);
    }
    try {
      return CompletableFuture.supplyAsync(() -> query.apply(router), thread)
          .get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("gossip router query failed", e);
    }
  }

  /** RPCs dropped because a peer's outbox was full. */
  public long droppedOutbound() {
    return inspect(r -> outbox.dropped());
  }

  /** Frames dropped because a peer sent faster than the router processed. */
  public long droppedInbound() {
    return droppedInbound.get();
  }

  /** Unregisters the protocols, resets the gossip streams and stops the router thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    host.removeListener(listener);
    PROTOCOLS.forEach(host::unregisterProtocol);
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> {
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
            },
            loop);
    try {
      done.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Gossip close did not finish cleanly", e);
    }
    closed = true;
    thread.shutdownNow();
  }

  // ---- router thread

  private void onRouterThread(Runnable task) {
    try {
      thread.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("Gossip router task failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      LOG.trace("Gossip service closed; task dropped");
    }
  }

  private void heartbeat() {
    try {
      if (!closed) {
        router.heartbeat();
      }
    } catch (RuntimeException e) {
      LOG.warn("Gossip heartbeat failed", e);
    }
  }

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
    drain(link);
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
    outbox.remove(link.key);
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

  // ---- outbound RPCs

  /** The router's sink: queue, then write what the stream can take. */
  private void send(GossipPeerId peer, Rpc rpc) {
    outbox.send(peer, rpc);
    PeerLink link = links.get(peer);
    if (link != null) {
      drain(link);
    }
  }

  private void drain(PeerLink link) {
    Stream stream = link.outbound;
    while (stream != null && link.inflightBytes < config.maxInflightBytes()) {
      Optional<Rpc> next = outbox.poll(link.key);
      if (next.isEmpty()) {
        return;
      }
      byte[] frame = VarintFrames.encode(RpcCodec.encode(next.get()));
      link.inflightBytes += frame.length;
      stream
          .write(frame)
          .whenCompleteAsync(
              (v, error) -> {
                if (link.outbound != stream) {
                  return;
                }
                link.inflightBytes -= frame.length;
                if (error != null) {
                  LOG.debug("Gossip write to {} failed: {}", link.peer, error.toString());
                  stream.reset();
                } else {
                  drain(link);
                }
              },
              loop);
    }
  }

  // ---- inbound RPCs

  private void onInboundStream(Stream stream) {
    AtomicInteger pending = new AtomicInteger();
    stream.setReader(
        new RpcFrameReader(
            config.limits().maxRpcBytes(),
            new RpcFrameReader.Listener() {
              @Override
              public void onFrame(Stream s, byte[] frame) {
                if (pending.incrementAndGet() > config.maxPendingInboundFrames()) {
                  pending.decrementAndGet();
                  droppedInbound.incrementAndGet();
                  return;
                }
                onRouterThread(
                    () -> {
                      pending.decrementAndGet();
                      PeerLink link = links.get(key(s.remotePeer()));
                      if (link != null && link.inbound == s) {
                        handleFrame(link, s, frame);
                      }
                    });
              }

              @Override
              public void onMalformed(Stream s, DecodingException error) {
                reporter.report(
                    s.remotePeer(),
                    Misbehaviour.LOW_TOLERANCE,
                    "malformed gossip frame: " + error.getMessage());
              }

              @Override
              public void onClosed(Stream s) {
                onRouterThread(() -> inboundClosed(s));
              }
            }));
    onRouterThread(() -> inboundOpened(stream));
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

  private void handleFrame(PeerLink link, Stream stream, byte[] frame) {
    Rpc rpc;
    try {
      rpc = RpcCodec.decode(frame, config.limits());
    } catch (RpcDecodeException e) {
      report(link.key, Misbehaviour.LOW_TOLERANCE, "malformed gossip RPC: " + e.getMessage());
      stream.reset();
      return;
    }
    if (link.inRouter) {
      router.onRpc(link.key, rpc);
    } else if (link.early.size() < PeerLink.MAX_EARLY_FRAMES) {
      link.early.add(rpc);
    } else {
      droppedInbound.incrementAndGet();
    }
  }

  private void report(GossipPeerId from, Misbehaviour misbehaviour, String reason) {
    try {
      reporter.report(peerId(from), misbehaviour, reason);
    } catch (RuntimeException e) {
      LOG.debug("Misbehaviour report failed", e);
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
      onRouterThread(() -> connected(connection));
    }

    @Override
    public void onDisconnected(Connection connection) {
      onRouterThread(() -> disconnected(connection));
    }
  }

  @Override
  public String toString() {
    return "GossipService[" + host.peerId() + "]";
  }
}
