package io.basalt.node;

import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.p2p.P2PNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator-controlled peer denial: the node re-reads {@code <data-dir>/p2p/deny-peers} (one peer id
 * per line, {@code #} comments) every {@link #POLL} and bans exactly the peers listed, lifting the
 * ban of a peer once its line is gone. The local testnet partitions nodes with it; a bootnode
 * address cannot do that alone, because peers learn each other's direct addresses from identify.
 *
 * <p>A missing file denies nobody. A line that is not a peer id is logged once and skipped. Only
 * bans this class made are lifted; bans for misbehaviour are left alone. Bans are persisted with
 * the peer store, so the peers it banned are remembered in {@code deny-peers.applied}: after a
 * restart their bans are still lifted once the file no longer lists them.
 */
final class PeerDenyFile implements AutoCloseable {

  static final String FILE_NAME = "deny-peers";
  static final String APPLIED_FILE_NAME = "deny-peers.applied";
  static final Duration POLL = Duration.ofMillis(500);

  /** Long enough to outlast any partition; lifted explicitly when the line goes. */
  private static final Duration DENY = Duration.ofDays(365);

  private static final Logger LOG = LoggerFactory.getLogger(PeerDenyFile.class);

  private final Path file;
  private final Path applied;
  private final P2PNetwork network;
  private final ScheduledExecutorService scheduler;
  private final Set<PeerId> denied = new HashSet<>();
  private final Set<String> reportedBadLines = new HashSet<>();

  private PeerDenyFile(Path file, P2PNetwork network) {
    this.file = file;
    this.applied = file.resolveSibling(APPLIED_FILE_NAME);
    this.network = network;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "peer-deny-file");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Applies {@code <p2pDir>/deny-peers} now and then every {@link #POLL}. */
  static PeerDenyFile start(Path p2pDir, P2PNetwork network) {
    PeerDenyFile deny = new PeerDenyFile(p2pDir.resolve(FILE_NAME), network);
    deny.scheduler.scheduleWithFixedDelay(
        deny::applySafely, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    return deny;
  }

  private void applySafely() {
    try {
      if (denied.isEmpty() && Files.exists(applied)) {
        denied.addAll(parse(applied));
      }
      apply(parse(file));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot apply {}: {}", file, e.toString());
    }
  }

  private Set<PeerId> parse(Path path) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(path);
    } catch (NoSuchFileException e) {
      return Set.of();
    }
    Set<PeerId> peers = new HashSet<>();
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        peers.add(PeerId.fromString(line));
      } catch (KeyFormatException e) {
        if (reportedBadLines.add(line)) {
          LOG.warn("Ignoring '{}' in {}: not a peer id", line, path);
        }
      }
    }
    return peers;
  }

  private void apply(Set<PeerId> wanted) throws IOException {
    boolean changed = false;
    for (PeerId peer : wanted) {
      if (denied.add(peer)) {
        network.ban(peer, DENY, "listed in " + file);
        changed = true;
      }
    }
    for (PeerId peer : Set.copyOf(denied)) {
      if (!wanted.contains(peer)) {
        denied.remove(peer);
        network.unban(peer);
        changed = true;
        LOG.info("Allowing {} again ({} no longer lists it)", peer, file);
      }
    }
    if (changed) {
      Files.write(applied, denied.stream().map(PeerId::toString).toList());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
