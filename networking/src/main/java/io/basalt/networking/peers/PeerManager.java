package io.basalt.networking.peers;

import io.basalt.networking.host.Connection;
import io.basalt.networking.host.ConnectionGate;
import io.basalt.networking.host.Direction;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostListener;
import io.basalt.networking.host.identify.IdentifyInfo;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the host connected: dials bootnodes (and redials them, with exponential backoff, whenever
 * they drop), dials known peers up to the target, refuses inbound peers beyond the maximum, keeps
 * banned peers out (their connections are closed and new ones refused after Noise) and turns
 * misbehaviour reports into a score that bans at the threshold. Thread-safe; one heartbeat thread.
 */
public final class PeerManager implements MisbehaviourReporter, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeerManager.class);

  private final Host host;
  private final PeerStore store;
  private final PeerManagerConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<PeerId, DialState> dials = new ConcurrentHashMap<>();
  private final Map<PeerId, Integer> scores = new ConcurrentHashMap<>();
  private final Set<PeerId> dialing = ConcurrentHashMap.newKeySet();
  private final HostListener listener = new Listener();

  private record DialState(int failures, Instant nextAttempt) {}

  public PeerManager(Host host, PeerStore store, PeerManagerConfig config, Clock clock) {
    this.host = host;
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "peer-manager");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Installs the connection gate and starts dialling. */
  public void start() {
    for (Multiaddr bootnode : config.bootnodes()) {
      store.addAddresses(bootnode.peerId().orElseThrow(), List.of(bootnode.withoutPeerId()));
    }
    host.setConnectionGate(this::allow);
    host.addListener(listener);
    long period = config.heartbeat().toMillis();
    scheduler.scheduleWithFixedDelay(this::heartbeatSafely, 0, period, TimeUnit.MILLISECONDS);
  }

  /** Bans {@code peer} for {@code duration} and closes its connections. */
  public void ban(PeerId peer, Duration duration, String reason) {
    LOG.info("Banning {} for {}: {}", peer, duration, reason);
    store.ban(peer, new BanRecord(clock.instant().plus(duration), reason));
    host.disconnect(peer);
  }

  public void unban(PeerId peer) {
    store.unban(peer);
  }

  public boolean isBanned(PeerId peer) {
    return store.ban(peer).map(b -> b.isActive(clock.instant())).orElse(false);
  }

  /** The peer's current score (0 is neutral; the ban threshold is negative). */
  public int score(PeerId peer) {
    return scores.getOrDefault(peer, 0);
  }

  @Override
  public void report(PeerId peer, Misbehaviour misbehaviour, String reason) {
    int score = scores.merge(peer, -misbehaviour.penalty(), Integer::sum);
    LOG.debug("{} misbehaved ({}): {}; score {}", peer, misbehaviour, reason, score);
    if (score <= config.banThreshold()) {
      scores.remove(peer);
      ban(peer, config.banDuration(), "score " + score + " after " + reason);
    }
  }

  private boolean allow(PeerId peer, Multiaddr address, Direction direction) {
    if (isBanned(peer)) {
      return false;
    }
    return direction == Direction.OUTBOUND
        || host.isConnected(peer)
        || host.connectedPeers().size() < config.maxPeers();
  }

  private void heartbeatSafely() {
    try {
      heartbeat();
    } catch (RuntimeException e) {
      LOG.warn("Peer manager heartbeat failed", e);
    }
  }

  private void heartbeat() {
    scores.replaceAll((peer, score) -> Math.min(0, score + config.scoreDecay()));
    scores.values().removeIf(score -> score == 0);
    for (Multiaddr bootnode : config.bootnodes()) {
      maybeDial(bootnode.peerId().orElseThrow(), bootnode.withoutPeerId());
    }
    int missing = config.targetPeers() - host.connectedPeers().size() - dialing.size();
    for (PeerId peer : store.knownPeers()) {
      if (missing <= 0) {
        break;
      }
      Set<Multiaddr> addresses = store.addresses(peer);
      if (!addresses.isEmpty() && maybeDial(peer, addresses.iterator().next())) {
        missing--;
      }
    }
  }

  private boolean maybeDial(PeerId peer, Multiaddr address) {
    if (peer.equals(host.peerId()) || host.isConnected(peer) || isBanned(peer)) {
      return false;
    }
    DialState state = dials.get(peer);
    if (state != null && clock.instant().isBefore(state.nextAttempt())) {
      return false;
    }
    if (!dialing.add(peer)) {
      return false;
    }
    host.dial(address.withPeerId(peer))
        .whenComplete(
            (connection, error) -> {
              dialing.remove(peer);
              if (error == null) {
                dials.remove(peer);
                return;
              }
              int failures = state == null ? 1 : state.failures() + 1;
              Duration delay = config.backoff().delayAfter(failures);
              dials.put(peer, new DialState(failures, clock.instant().plus(delay)));
              LOG.debug(
                  "Dial of {} failed ({} times, next in {}): {}",
                  peer,
                  failures,
                  delay,
                  error.toString());
            });
    return true;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    host.removeListener(listener);
    host.setConnectionGate(ConnectionGate.ALLOW_ALL);
  }

  private final class Listener implements HostListener {
    @Override
    public void onConnected(Connection connection) {
      if (isBanned(connection.remotePeer())) {
        connection.close();
        return;
      }
      dials.remove(connection.remotePeer());
      if (connection.direction() == Direction.OUTBOUND) {
        store.addAddresses(connection.remotePeer(), List.of(connection.remoteAddress()));
      }
    }

    @Override
    public void onIdentified(Connection connection, IdentifyInfo info) {
      store.addAddresses(connection.remotePeer(), info.listenAddrs());
    }
  }
}
