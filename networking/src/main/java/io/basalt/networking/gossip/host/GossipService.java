package io.basalt.networking.gossip.host;

import io.basalt.networking.gossip.GossipPeerId;
import io.basalt.networking.gossip.GossipProtocol;
import io.basalt.networking.gossip.GossipRouter;
import io.basalt.networking.gossip.GossipRouter.PublishResult;
import io.basalt.networking.gossip.MessageHandler;
import io.basalt.networking.gossip.PeerOutbox;
import io.basalt.networking.gossip.Rpc;
import io.basalt.networking.gossip.TopicValidator;
import io.basalt.networking.gossip.ValidationResult;
import io.basalt.networking.host.Host;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import java.util.List;
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
 *
 * <p>This class owns the router thread and the public API; the per-peer streams live in {@code
 * PeerStreams} (stream lifecycle and router membership), {@code RpcWriter} (outbound RPCs) and
 * {@code InboundRpcs} (inbound frames).
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
  private final GossipRouter router;
  private final PeerStreams streams;
  private volatile Thread routerThread;

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
    this.streams = new PeerStreams(host, config, reporter, router, loop);
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
    streams.attach();
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
    return inspect(r -> streams.droppedOutbound());
  }

  /** Frames dropped because a peer sent faster than the router processed. */
  public long droppedInbound() {
    return streams.droppedInbound();
  }

  /** Unregisters the protocols, resets the gossip streams and stops the router thread. */
  @Override
  public void close() {
    if (streams.isClosed()) {
      return;
    }
    streams.detach();
    CompletableFuture<Void> done = CompletableFuture.runAsync(streams::resetAll, loop);
    try {
      done.get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Gossip close did not finish cleanly", e);
    }
    streams.markClosed();
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
      if (!streams.isClosed()) {
        router.heartbeat();
      }
    } catch (RuntimeException e) {
      LOG.warn("Gossip heartbeat failed", e);
    }
  }

  /** The router's sink. */
  private void send(GossipPeerId peer, Rpc rpc) {
    streams.send(peer, rpc);
  }

  private void report(GossipPeerId from, Misbehaviour misbehaviour, String reason) {
    report(reporter, from, misbehaviour, reason);
  }

  /** Reports {@code from}, never throwing: a failing reporter is logged. */
  static void report(
      MisbehaviourReporter reporter, GossipPeerId from, Misbehaviour misbehaviour, String reason) {
    try {
      reporter.report(peerId(from), misbehaviour, reason);
    } catch (RuntimeException e) {
      LOG.debug("Misbehaviour report failed", e);
    }
  }

  @Override
  public String toString() {
    return "GossipService[" + host.peerId() + "]";
  }
}
