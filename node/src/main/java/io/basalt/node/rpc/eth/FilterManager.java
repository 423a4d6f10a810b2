package io.basalt.node.rpc.eth;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The installed {@code eth_newFilter}/{@code eth_newBlockFilter} filters. A filter remembers the
 * last block number it reported; a poll reports the canonical blocks (or their logs) since. A
 * filter not polled for {@link #IDLE_TIMEOUT_MILLIS} is removed, as geth's 5 minutes. Thread-safe.
 */
public final class FilterManager {

  public static final long IDLE_TIMEOUT_MILLIS = 5 * 60 * 1000;
  public static final int MAX_FILTERS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ShardRpcData data;
  private final LongSupplier clock;
  private final Map<String, Filter> filters = new ConcurrentHashMap<>();

  private static final class Filter {
    final ShardId shard;
    final Optional<FilterParams> logs; // empty: a block filter
    long lastReported;
    volatile long lastPoll;

    Filter(ShardId shard, Optional<FilterParams> logs, long lastReported, long now) {
      this.shard = shard;
      this.logs = logs;
      this.lastReported = lastReported;
      this.lastPoll = now;
    }
  }

  public FilterManager(ShardRpcData data, LongSupplier clockMillis) {
    this.data = data;
    this.clock = clockMillis;
  }

  public String newLogFilter(ShardId shard, FilterParams params) throws RpcException {
    return install(shard, Optional.of(params));
  }

  public String newBlockFilter(ShardId shard) throws RpcException {
    return install(shard, Optional.empty());
  }

  private String install(ShardId shard, Optional<FilterParams> params) throws RpcException {
    expire();
    if (filters.size() >= MAX_FILTERS) {
      throw RpcException.server("too many filters installed (limit " + MAX_FILTERS + ")");
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = "0x" + HexFormat.of().formatHex(random);
    filters.put(id, new Filter(shard, params, data.blockNumber(shard), clock.getAsLong()));
    return id;
  }

  public boolean uninstall(String id) {
    return filters.remove(id) != null;
  }

  /** What happened since the last poll: block hashes, or logs. */
  public List<Object> changes(ShardId shard, String id) throws RpcException {
    Filter filter = find(shard, id);
    synchronized (filter) {
      long head = data.blockNumber(shard);
      long from = Math.max(filter.lastReported + 1, head - RpcLimits.MAX_LOG_BLOCK_RANGE + 1);
      List<Object> changes = new ArrayList<>();
      if (from <= head) {
        if (filter.logs.isPresent()) {
          LogQuery.range(data, shard, from, head, filter.logs.get().filter()).stream()
              .map(EthJson::log)
              .forEach(changes::add);
        } else {
          for (long n = from; n <= head; n++) {
            data.block(shard, new BlockParameter.Number(n))
                .ifPresent(b -> changes.add(b.hash().toHexString()));
          }
        }
      }
      filter.lastReported = Math.max(filter.lastReported, head);
      return changes;
    }
  }

  /** Every log a log filter matches (its whole range, as {@code eth_getLogs}). */
  public List<Object> logs(ShardId shard, String id) throws RpcException {
    Filter filter = find(shard, id);
    if (filter.logs.isEmpty()) {
      throw RpcException.server("filter " + id + " is a block filter, not a log filter");
    }
    return LogQuery.run(data, shard, filter.logs.get()).stream()
        .map(EthJson::log)
        .map(Object.class::cast)
        .toList();
  }

  private Filter find(ShardId shard, String id) throws RpcException {
    expire();
    Filter filter = filters.get(id);
    if (filter == null || !filter.shard.equals(shard)) {
      throw RpcException.server("filter not found");
    }
    filter.lastPoll = clock.getAsLong();
    return filter;
  }

  private void expire() {
    long now = clock.getAsLong();
    filters.values().removeIf(f -> now - f.lastPoll > IDLE_TIMEOUT_MILLIS);
  }

  /** Installed filters (for tests and metrics). */
  public int size() {
    return filters.size();
  }
}
