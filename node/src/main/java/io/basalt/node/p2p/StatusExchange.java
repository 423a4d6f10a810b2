package io.basalt.node.p2p;

import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostListener;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.reqresp.ReqResp;
import io.basalt.networking.reqresp.ResponseChannel;
import io.basalt.networking.reqresp.ResponseCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status handshake. On every new connection, in both directions, we send our status and read
 * the peer's; we also answer the peer's status requests, and re-status every connected peer
 * periodically. A peer on another fork digest or another finalized history is disconnected (and
 * banned for a while, so it is not redialled at once) with the reason logged. The last status of
 * each connected peer is kept for range sync.
 *
 * <p>Host events arrive on I/O threads; the work (which may read the chain) runs on this class's
 * own thread.
 */
final class StatusExchange implements HostListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StatusExchange.class);

  private final Host host;
  private final ChainRequests requests;
  private final ChainDataProvider chain;
  private final StatusChecker checker;
  private final BiConsumer<PeerId, String> disconnect;
  private final Consumer<PeerId> onStatus;
  private final Map<PeerId, StatusMessage> statuses = new ConcurrentHashMap<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "p2p-status");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param disconnect drops (and bans) a peer with a reason
   * @param onStatus told after each status received from a compatible peer
   */
  StatusExchange(
      Host host,
      ChainRequests requests,
      ChainDataProvider chain,
      StatusChecker checker,
      BiConsumer<PeerId, String> disconnect,
      Consumer<PeerId> onStatus) {
    this.host = host;
    this.requests = requests;
    this.chain = chain;
    this.checker = checker;
    this.disconnect = disconnect;
    this.onStatus = onStatus;
  }

  /** Serves status requests, follows connections and re-statuses every {@code interval}. */
  void start(ReqResp reqResp, Duration interval) {
    reqResp.register(ChainProtocols.STATUS, this::serve);
    host.addListener(this);
    for (PeerId peer : host.connectedPeers()) {
      run(() -> exchange(peer));
    }
    thread.scheduleWithFixedDelay(
        this::restatusAll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  Optional<StatusMessage> status(PeerId peer) {
    return Optional.ofNullable(statuses.get(peer));
  }

  /** The last status of every connected, compatible peer. */
  Map<PeerId, StatusMessage> statuses() {
    return Map.copyOf(statuses);
  }

  @Override
  public void onConnected(Connection connection) {
    run(() -> exchange(connection.remotePeer()));
  }

  @Override
  public void onDisconnected(Connection connection) {
    PeerId peer = connection.remotePeer();
    if (!host.isConnected(peer)) {
      statuses.remove(peer);
    }
  }

  private void restatusAll() {
    try {
      for (PeerId peer : host.connectedPeers()) {
        exchange(peer);
      }
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: keep re-statusing.
      LOG.warn("Re-status failed", e);
    }
  }

  private void exchange(PeerId peer) {
    StatusMessage ours;
    try {
      ours = chain.status();
    } catch (RuntimeException e) {
      LOG.warn("Could not read our status", e);
      return;
    }
    requests
        .status(peer, ours)
        .whenComplete(
            (theirs, error) -> {
              if (error != null) {
                LOG.debug("Status exchange with {} failed: {}", peer, error.toString());
              } else {
                run(() -> received(peer, theirs));
              }
            });
  }

  private void serve(PeerId peer, byte[] request, ResponseChannel response) {
    StatusMessage theirs;
    try {
      theirs = StatusMessage.decode(Bytes.wrap(request));
    } catch (RuntimeException e) {
      response.error(ResponseCode.INVALID_REQUEST, "not a status: " + e.getMessage());
      return;
    }
    run(
        () -> {
          try {
            response.respond(chain.status().encode().toArrayUnsafe());
            response.complete();
          } catch (RuntimeException e) {
            response.error(ResponseCode.SERVER_ERROR, "no status");
            return;
          }
          received(peer, theirs);
        });
  }

  /** Checks and records a peer's status; on this class's thread. */
  private void received(PeerId peer, StatusMessage theirs) {
    Optional<String> problem = checker.incompatibility(chain.status(), theirs);
    if (problem.isPresent()) {
      LOG.info("Disconnecting {}: {}", peer, problem.get());
      statuses.remove(peer);
      disconnect.accept(peer, problem.get());
      return;
    }
    if (host.isConnected(peer)) {
      statuses.put(peer, theirs);
      onStatus.accept(peer);
    }
  }

  private void run(Runnable task) {
    try {
      thread.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("Status handling failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // Closed: nothing more to do.
    }
  }

  @Override
  public void close() {
    host.removeListener(this);
    thread.shutdownNow();
  }
}
