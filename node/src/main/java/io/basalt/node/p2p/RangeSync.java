package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.node.p2p.SyncBatch.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Range sync: catches the beacon chain up with peers that are ahead, then every shard.
 *
 * <p>Beacon: when a peer's head is more than {@link #SYNC_DISTANCE} slots past ours (or its
 * finalized epoch is past ours), the slots after our head are cut into batches of {@link
 * #BATCH_SIZE}, at most {@link #MAX_BATCHES} ahead. Batches are downloaded from the peers ahead,
 * round-robin, one batch in flight per peer; a failed download is retried on another peer. Batches
 * are imported strictly in order, one at a time, through {@link SyncTarget#importBeaconBlocks}; a
 * batch the target finds invalid gets its peer reported and is fetched again from another peer.
 *
 * <p>Forks: a batch whose blocks do not connect to our chain (an unknown parent) means the peers
 * are on another fork, for example after a network partition heals. The run then starts again from
 * the slot after our finalized checkpoint ({@link SyncTarget#forkSyncStart}), which every
 * compatible peer shares, so the fork is downloaded from its branch point; blocks we already have
 * are skipped. Only a batch that does not connect even then gets its peer reported.
 *
 * <p>Shards: once the beacon chain is caught up, {@link ShardRangeSync} brings every shard up to
 * the best peer's head.
 *
 * <p>Each imported batch is logged, and each run that catches up ends with a summary line (blocks,
 * seconds, blocks per second).
 *
 * <p>All state is owned by one scheduled thread ({@code range-sync}); network and import callbacks
 * hop onto it.
 */
final class RangeSync implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RangeSync.class);

  static final int BATCH_SIZE = 32;
  static final int MAX_BATCHES = 8;
  static final long SYNC_DISTANCE = 2;

  private final SyncTarget target;
  private final ChainRequests requests;
  private final Supplier<Map<PeerId, StatusMessage>> statuses;
  private final MisbehaviourReporter reporter;
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "range-sync");
            t.setDaemon(true);
            return t;
          });

  // ---- owned by the range-sync thread
  private final TreeMap<Long, SyncBatch> batches = new TreeMap<>();
  private final Set<PeerId> busy = new HashSet<>();
  private final ShardRangeSync shards;
  private long nextStart;
  // Where the next run starts instead of after our head (-1: after our head), and whether the
  // current run started after our finalized checkpoint.
  private long restartFrom = -1;
  private boolean fromForkStart;
  private boolean importing;
  // The current beacon sync run, for its summary line.
  private long runStartNanos;
  private long runStartSlot;
  private int runImported;
  private int roundRobin;
  private volatile boolean syncing;
  private volatile boolean beaconSyncing;

  RangeSync(
      SyncTarget target,
      ChainRequests requests,
      Supplier<Map<PeerId, StatusMessage>> statuses,
      MisbehaviourReporter reporter,
      int shardCount) {
    this.target = target;
    this.requests = requests;
    this.statuses = statuses;
    this.reporter = reporter;
    this.shards =
        new ShardRangeSync(
            target,
            requests::shardBlocksByRange,
            reporter,
            shardCount,
            System::currentTimeMillis,
            task ->
                run(
                    () -> {
                      task.run();
                      step();
                    }));
  }

  void start(Duration tick) {
    thread.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a step soon (e.g. after a new peer status). */
  void wake() {
    run(this::tick);
  }

  /** Whether the beacon chain or some shard is catching up with peers. */
  boolean isSyncing() {
    return syncing;
  }

  /** Whether the beacon chain is catching up with peers (shards aside). */
  boolean isBeaconSyncing() {
    return beaconSyncing;
  }

  /** Whether {@code shard} is catching up with peers. */
  boolean isShardSyncing(ShardId shard) {
    return shards.isBehind(shard);
  }

  private void tick() {
    try {
      step();
    } catch (RuntimeException e) {
      LOG.warn("Range sync step failed", e);
    }
  }

  private void step() {
    StatusMessage ours = target.status();
    Map<PeerId, StatusMessage> peers = statuses.get();
    long ourHead = ours.headSlot().value().longValue();
    long best =
        peers.values().stream()
            .mapToLong(s -> s.headSlot().value().longValue())
            .max()
            .orElse(ourHead);
    boolean finalityAhead =
        peers.values().stream()
            .anyMatch(
                s ->
                    s.finalizedEpoch().isAfter(ours.finalizedEpoch())
                        && s.headSlot().value().longValue() > ourHead);
    boolean behind = best > ourHead + SYNC_DISTANCE || finalityAhead;
    if (batches.isEmpty()) {
      if (!behind) {
        restartFrom = -1;
        if (runStartNanos != 0) {
          logSummary(ourHead);
        }
        beaconSyncing = false;
        syncing = shards.step(peers, (start, failed) -> pickPeer(peers, start, failed));
        return;
      }
      fromForkStart = restartFrom >= 0;
      nextStart = fromForkStart ? restartFrom : ourHead + 1;
      restartFrom = -1;
      if (runStartNanos == 0) {
        runStartNanos = System.nanoTime();
        runStartSlot = ourHead;
        runImported = 0;
      }
      LOG.info("Range sync from slot {} towards {}", nextStart, best);
    }
    syncing = true;
    beaconSyncing = true;
    while (batches.size() < MAX_BATCHES && nextStart <= best) {
      int count = (int) Math.min(BATCH_SIZE, best - nextStart + 1);
      batches.put(nextStart, new SyncBatch(nextStart, count));
      nextStart += count;
    }
    for (SyncBatch batch : batches.values()) {
      if (batch.state == State.AWAITING_DOWNLOAD) {
        pickPeer(peers, batch.start, batch.failedPeers).ifPresent(peer -> download(batch, peer));
      }
    }
    SyncBatch first = batches.isEmpty() ? null : batches.firstEntry().getValue();
    if (first != null && first.state == State.DOWNLOADED && !importing) {
      importBatch(first);
    }
  }

  /**
   * A peer with a head at or past {@code start}, not busy and not in {@code failed}, taken
   * round-robin. When every such peer failed, they are forgiven (the batch is tried again).
   */
  private Optional<PeerId> pickPeer(
      Map<PeerId, StatusMessage> peers, long start, Set<PeerId> failed) {
    List<PeerId> candidates = new ArrayList<>();
    int aheadNotFailed = 0;
    for (Map.Entry<PeerId, StatusMessage> e : peers.entrySet()) {
      PeerId peer = e.getKey();
      if (e.getValue().headSlot().value().longValue() >= start && !failed.contains(peer)) {
        aheadNotFailed++;
        if (!busy.contains(peer)) {
          candidates.add(peer);
        }
      }
    }
    if (candidates.isEmpty()) {
      if (aheadNotFailed == 0 && !failed.isEmpty()) {
        failed.clear();
      }
      return Optional.empty();
    }
    candidates.sort(Comparator.comparing(PeerId::toBase58));
    return Optional.of(candidates.get(Math.floorMod(roundRobin++, candidates.size())));
  }

  private void download(SyncBatch batch, PeerId peer) {
    batch.state = State.DOWNLOADING;
    batch.peer = peer;
    busy.add(peer);
    requests
        .beaconBlocksByRange(peer, Slot.of(batch.start), batch.count)
        .whenComplete(
            (blocks, error) ->
                run(
                    () -> {
                      busy.remove(peer);
                      if (batches.get(batch.start) != batch) {
                        return;
                      }
                      if (error != null) {
                        LOG.debug("{} from {} failed: {}", batch, peer, error.toString());
                        batch.retry(peer);
                      } else {
                        batch.blocks = blocks;
                        batch.state = State.DOWNLOADED;
                      }
                      step();
                    }));
  }

  private void importBatch(SyncBatch batch) {
    if (batch.blocks.isEmpty()) {
      batches.remove(batch.start);
      step();
      return;
    }
    importing = true;
    batch.state = State.IMPORTING;
    List<SignedBeaconBlock> blocks = batch.blocks;
    target
        .importBeaconBlocks(blocks)
        .whenComplete(
            (result, error) ->
                run(
                    () -> {
                      importing = false;
                      if (error != null) {
                        LOG.warn("Importing {} failed: {}", batch, error.toString());
                        batch.state = State.DOWNLOADED;
                      } else if (result.invalidReason().isPresent()) {
                        String reason = result.invalidReason().get();
                        LOG.info("{} from {} is invalid: {}", batch, batch.peer, reason);
                        reporter.report(batch.peer, Misbehaviour.LOW_TOLERANCE, reason);
                        batch.retry(batch.peer);
                      } else if (result.unknownParent().isPresent()) {
                        onUnknownParent(batch, result);
                      } else {
                        batches.remove(batch.start);
                        runImported += result.imported();
                        // The restart test reads "up to slot": every block to it is stored.
                        LOG.info(
                            "Range sync imported {} blocks of slots {}..{}, up to slot {}",
                            result.imported(),
                            batch.start,
                            batch.end(),
                            blocks.getLast().message().slot());
                      }
                      step();
                    }));
  }

  private void onUnknownParent(SyncBatch batch, BatchImport result) {
    String detail = result.unknownParent().orElseThrow();
    runImported += result.imported();
    if (fromForkStart) {
      LOG.info("{} from {} does not connect to our finalized chain: {}", batch, batch.peer, detail);
      reporter.report(
          batch.peer, Misbehaviour.LOW_TOLERANCE, "batch does not connect to our chain: " + detail);
      batch.retry(batch.peer);
      return;
    }
    restartFrom = target.forkSyncStart().value().longValue();
    LOG.info(
        "{} from {} does not connect to our chain ({}): peers are on another fork; range sync"
            + " again from slot {}, after our finalized checkpoint",
        batch,
        batch.peer,
        detail,
        restartFrom);
    // Downloads in flight for the dropped batches are discarded when they complete.
    batches.clear();
  }

  /** One line per caught-up beacon sync: how many blocks, how fast (docs/benchmarks.md). */
  private void logSummary(long head) {
    double seconds = (System.nanoTime() - runStartNanos) / 1e9;
    LOG.info(
        "Range sync done: {} blocks (slots {}..{}) in {} s, {} blocks/s",
        runImported,
        runStartSlot + 1,
        head,
        String.format(java.util.Locale.ROOT, "%.1f", seconds),
        String.format(java.util.Locale.ROOT, "%.1f", runImported / Math.max(seconds, 1e-3)));
    runStartNanos = 0;
  }

  private void run(Runnable task) {
    try {
      thread.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.warn("Range sync step failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // Closed.
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
