package io.basalt.node.p2p;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.peers.Misbehaviour;
import io.basalt.networking.peers.MisbehaviourReporter;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shard half of range sync: once the beacon chain is caught up, every shard asks {@code
 * shard_blocks_by_range} from the slot after its head up to the best peer's head, one request at a
 * time over all shards, and imports what comes back.
 *
 * <p>Each shard keeps a cursor (the next slot to ask) so that it walks past ranges already fetched
 * while its head has not moved yet: blocks anchored on beacon blocks not imported yet wait in the
 * shard service and import later. A cursor the head does not follow within {@link #CURSOR_TTL}
 * (blocks that could not be imported after all, a gap left by a restart, blocks lost to a reorg) is
 * dropped, so the shard is asked again from its head. If peers did serve blocks after that same
 * head and it still stayed, those blocks do not connect to it (the head is on a fork the peers
 * left): the cursor is rewound to the slot after the shard's finalized block and the shard asked
 * again from there. A shard that falls behind always catches up from its peers, whatever it missed.
 *
 * <p>A response with an invalid block reports the peer (once per shard until the shard makes
 * progress again), marks it failed for that shard (the next attempt goes to another peer while
 * there is one) and waits {@link #RETRY} before asking again, so a disagreement never turns into a
 * burst of penalties that bans the only peer.
 *
 * <p>Owned by the range-sync thread: every method, including the completions handed to {@code
 * onSyncThread}, runs there.
 */
final class ShardRangeSync {

  private static final Logger LOG = LoggerFactory.getLogger(ShardRangeSync.class);

  static final Duration CURSOR_TTL = Duration.ofSeconds(5);
  static final Duration RETRY = Duration.ofSeconds(1);

  /** Picks a peer whose head is at or past a slot, not among the failed ones. */
  @FunctionalInterface
  interface PeerPicker {
    Optional<PeerId> pick(long start, Set<PeerId> failed);
  }

  /** Asks a peer for the blocks of a shard in a slot range ({@code shard_blocks_by_range}). */
  @FunctionalInterface
  interface BlockFetcher {
    CompletableFuture<List<SignedShardBlock>> fetch(
        PeerId peer, ShardId shard, Slot start, int count);
  }

  /** Runs a completion on the range-sync thread, then takes another step. */
  @FunctionalInterface
  interface SyncThread {
    void run(Runnable task);
  }

  private static final class Cursor {
    long next;
    long setAt;
    long retryAt;
    // Asking from below the head (see the class comment) until the cursor passes it again.
    boolean rewound;
    // The head (as a sync start) right after which peers last served blocks; -1 if none since.
    long servedAfter = -1;
    final Set<PeerId> failed = new HashSet<>();
    // Peers already penalised for this shard since it last made progress.
    final Set<PeerId> reported = new HashSet<>();
  }

  private final SyncTarget target;
  private final BlockFetcher fetcher;
  private final MisbehaviourReporter reporter;
  private final LongSupplier clockMillis;
  private final SyncThread syncThread;
  private final Cursor[] cursors;
  private boolean inFlight;
  // Written on the range-sync thread, read by validator duties.
  private volatile Set<ShardId> behindShards = Set.of();

  ShardRangeSync(
      SyncTarget target,
      BlockFetcher fetcher,
      MisbehaviourReporter reporter,
      int shardCount,
      LongSupplier clockMillis,
      SyncThread syncThread) {
    this.target = target;
    this.fetcher = fetcher;
    this.reporter = reporter;
    this.clockMillis = clockMillis;
    this.syncThread = syncThread;
    this.cursors = new Cursor[shardCount];
    for (int i = 0; i < shardCount; i++) {
      cursors[i] = new Cursor();
    }
  }

  /**
   * Sends the next request if none is in flight; returns whether some shard is more than {@link
   * RangeSync#SYNC_DISTANCE} slots behind the best peer's head.
   */
  boolean step(Map<PeerId, StatusMessage> peers, PeerPicker picker) {
    long best =
        peers.values().stream().mapToLong(s -> s.headSlot().value().longValue()).max().orElse(-1);
    long now = clockMillis.getAsLong();
    Set<ShardId> behindNow = new HashSet<>();
    for (int i = 0; i < cursors.length; i++) {
      ShardId shard = ShardId.of(i);
      Cursor cursor = cursors[i];
      long head = target.shardSyncStart(shard).value().longValue();
      if (cursor.next > head + RangeSync.SYNC_DISTANCE
          && now - cursor.setAt >= CURSOR_TTL.toMillis()) {
        if (cursor.servedAfter == head) {
          long rewound = target.shardForkSyncStart(shard).value().longValue();
          LOG.debug(
              "Shard {} blocks after slot {} do not connect: asking again from slot {}",
              shard,
              head - 1,
              rewound);
          advance(cursor, rewound);
          cursor.rewound = true;
        } else {
          LOG.debug("Shard {} head stayed at slot {}: asking again from there", shard, head - 1);
          cursor.next = 0;
        }
        cursor.servedAfter = -1;
      }
      if (cursor.next >= head) {
        cursor.rewound = false;
      }
      long ahead = Math.max(head, cursor.next);
      long start = cursor.rewound ? cursor.next : ahead;
      if (start > best) {
        continue;
      }
      if (ahead + RangeSync.SYNC_DISTANCE < best) {
        behindNow.add(shard);
      }
      if (!inFlight && now >= cursor.retryAt) {
        Optional<PeerId> peer = picker.pick(start, cursor.failed);
        if (peer.isPresent()) {
          int count = (int) Math.min(ChainProtocols.MAX_REQUEST_BLOCKS, best - start + 1);
          download(shard, head, start, count, peer.get());
        }
      }
    }
    behindShards = Set.copyOf(behindNow);
    return !behindNow.isEmpty();
  }

  /** Whether {@code shard} was behind its peers at the last step. */
  boolean isBehind(ShardId shard) {
    return behindShards.contains(shard);
  }

  private void download(ShardId shard, long head, long start, int count, PeerId peer) {
    inFlight = true;
    fetcher
        .fetch(peer, shard, Slot.of(start), count)
        .whenComplete(
            (blocks, error) ->
                syncThread.run(
                    () -> {
                      Cursor cursor = cursors[shard.id()];
                      if (error != null) {
                        LOG.debug(
                            "Shard {} sync from {} failed: {}", shard, peer, error.toString());
                        cursor.retryAt = clockMillis.getAsLong() + RETRY.toMillis();
                        inFlight = false;
                      } else if (blocks.isEmpty()) {
                        advance(cursor, start + count);
                        inFlight = false;
                      } else {
                        if (start == head) {
                          cursor.servedAfter = head;
                        }
                        importBlocks(shard, start, count, blocks, peer);
                      }
                    }));
  }

  private void importBlocks(
      ShardId shard, long start, int count, List<SignedShardBlock> blocks, PeerId peer) {
    target
        .importShardBlocks(shard, blocks)
        .whenComplete(
            (result, error) ->
                syncThread.run(
                    () -> {
                      inFlight = false;
                      Cursor cursor = cursors[shard.id()];
                      long now = clockMillis.getAsLong();
                      if (error != null) {
                        LOG.warn("Importing shard {} blocks failed: {}", shard, error.toString());
                        cursor.retryAt = now + RETRY.toMillis();
                      } else if (result.invalidReason().isPresent()) {
                        String reason = result.invalidReason().get();
                        LOG.info(
                            "Shard {} blocks {}..{} from {} are invalid: {}",
                            shard,
                            start,
                            start + count - 1,
                            peer,
                            reason);
                        if (cursor.reported.add(peer)) {
                          reporter.report(peer, Misbehaviour.LOW_TOLERANCE, reason);
                        }
                        cursor.failed.add(peer);
                        cursor.retryAt = now + RETRY.toMillis();
                      } else {
                        LOG.debug(
                            "Shard {} blocks {}..{}: {} of {} imported",
                            shard,
                            start,
                            start + count - 1,
                            result.imported(),
                            blocks.size());
                        cursor.failed.clear();
                        cursor.reported.clear();
                        advance(cursor, start + count);
                      }
                    }));
  }

  private void advance(Cursor cursor, long next) {
    cursor.next = next;
    cursor.setAt = clockMillis.getAsLong();
  }
}
