package io.basalt.node.rpc.settle;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.subscription.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the batches of one shard's rollups (or one rollup) for a {@code settlement} subscription.
 * On every shard head or beacon head change it reads the head's records on {@code executor} (never
 * the chain thread), compares each watched batch with what it last reported, and sends one
 * notification per change: {@code committed} for a batch it had not seen, the new inclusion ({@code
 * justified}, {@code finalized}) or status ({@code settled}, {@code reverted}) for a changed one,
 * and the last report with {@code removed: true} when the batch's commit is no longer on the
 * canonical chain (its index is gone, or now holds another batch). The first read only sets the
 * baseline. A batch is no longer watched once nothing can change it ({@link BatchState#isFinal}).
 */
final class SettlementFollower implements Subscription, ChainEvents {

  /** Most rollups one subscription without a rollup id watches (the lowest ids). */
  static final int MAX_ROLLUPS = 256;

  /** Most recent batches watched per rollup. */
  static final int MAX_BATCHES = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(SettlementFollower.class);

  private record Seen(BatchState state, Map<String, Object> json) {}

  private final SettlementRpcData data;
  private final ShardId shard;
  private final OptionalLong rollupFilter;
  private final Executor executor;
  private final Consumer<Object> sink;
  private final Map<Long, TreeMap<Long, Seen>> seen = new HashMap<>();
  private final Map<Long, Long> firstWatched = new HashMap<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AutoCloseable registration;
  private boolean baselined;
  private volatile boolean closed;

  SettlementFollower(
      SettlementRpcData data,
      ShardId shard,
      OptionalLong rollupFilter,
      Executor executor,
      Consumer<Object> sink) {
    this.data = data;
    this.shard = shard;
    this.rollupFilter = rollupFilter;
    this.executor = executor;
    this.sink = sink;
    this.registration = data.subscribe(this);
    schedule(); // the baseline
  }

  @Override
  public void onShardHead(ShardId shard, org.apache.tuweni.bytes.Bytes32 root) {
    if (shard.equals(this.shard)) {
      schedule();
    }
  }

  @Override
  public void onBeaconHead(org.apache.tuweni.bytes.Bytes32 root, Slot slot) {
    schedule(); // justification and finality move with the beacon head
  }

  private void schedule() {
    if (!closed && scheduled.compareAndSet(false, true)) {
      executor.execute(this::update);
    }
  }

  private synchronized void update() {
    scheduled.set(false);
    if (closed) {
      return;
    }
    try {
      SettlementRpcData.Head head = data.head(shard);
      for (long rollupId : rollups(head)) {
        follow(head, rollupId);
      }
      baselined = true;
    } catch (RpcException | RuntimeException e) {
      LOG.debug("Settlement subscription could not follow shard {}", shard, e);
    }
  }

  private List<Long> rollups(SettlementRpcData.Head head) {
    List<Long> ids = new ArrayList<>();
    if (rollupFilter.isPresent()) {
      ids.add(rollupFilter.getAsLong());
    } else {
      long count = Math.min(head.store().rollupCount(), MAX_ROLLUPS);
      for (long id = 0; id < count; id++) {
        ids.add(id);
      }
      seen.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    return ids;
  }

  private void follow(SettlementRpcData.Head head, long rollupId) throws RpcException {
    TreeMap<Long, Seen> mine = seen.computeIfAbsent(rollupId, id -> new TreeMap<>());
    Optional<RollupRecord> rollup = head.store().rollup(rollupId);
    long batchCount = rollup.map(RollupRecord::batchCount).orElse(0L);
    for (Seen gone : new ArrayList<>(mine.tailMap(batchCount, true).values())) {
      removed(mine, gone);
    }
    if (rollup.isEmpty()) {
      return;
    }
    long first = Math.max(firstWatched.getOrDefault(rollupId, 0L), batchCount - MAX_BATCHES);
    boolean finalSoFar = true;
    for (long i = Math.max(first, 0); i < batchCount; i++) {
      BatchState now =
          BatchState.of(rollupId, i, rollup.get(), head.store().batch(rollupId, i), head.view());
      Seen before = mine.get(i);
      if (before != null && !sameCommit(before.state(), now)) {
        removed(mine, before);
        before = null;
      }
      if (before == null) {
        report(mine, now, "committed");
      } else {
        if (before.state().inclusion() != now.inclusion()) {
          report(mine, now, now.inclusion().name());
        }
        if (before.state().status() != now.status()) {
          report(mine, now, now.status().name());
        }
      }
      finalSoFar &= now.isFinal(head.view());
      if (finalSoFar) {
        mine.remove(i);
        firstWatched.put(rollupId, i + 1);
      }
    }
  }

  /** The same commit: same batch, recorded by a block at the same slot. */
  private static boolean sameCommit(BatchState a, BatchState b) {
    return a.record().batchHash().equals(b.record().batchHash())
        && a.record().commitSlot().equals(b.record().commitSlot());
  }

  private void report(TreeMap<Long, Seen> mine, BatchState state, String event)
      throws RpcException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("event", event.toLowerCase(Locale.ROOT));
    json.put("removed", false);
    Map<String, Object> batch =
        baselined
            ? SettlementJson.batch(
                state, shard.id(), data.blockAtSlot(shard, state.record().commitSlot()))
            : SettlementJson.batch(state, shard.id(), Optional.empty());
    json.putAll(batch);
    mine.put(state.batchIndex(), new Seen(state, json));
    if (baselined && !closed) {
      sink.accept(json);
    }
  }

  private void removed(TreeMap<Long, Seen> mine, Seen gone) {
    mine.remove(gone.state().batchIndex());
    if (baselined && !closed) {
      Map<String, Object> json = new LinkedHashMap<>(gone.json());
      json.put("event", "committed");
      json.put("removed", true);
      sink.accept(json);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      registration.close();
    } catch (Exception e) {
      LOG.debug("Cannot remove chain listener", e);
    }
  }
}
