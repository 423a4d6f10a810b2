package io.basalt.testnet.load;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.rpc.server.RpcServerConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends signed transfers and cross-shard transfers at a steady rate to the nodes' JSON-RPC
 * endpoints ({@code <rpc>/shard/<i>}, {@code eth_sendRawTransaction}), spread over shards and
 * nodes. Each (account, shard) pair is a lane with its own nonce, its own node (lanes are spread
 * over the nodes) and at most one request in flight, so a lane's nonces reach its node in order, as
 * a wallet's reach its RPC endpoint: sent to nodes in turn, a nonce could arrive before its
 * predecessor had been gossiped there, wait behind the gap, and be the first evicted from a full
 * pool, leaving every later nonce of the lane stuck behind a gap on every node. A rejection about
 * the nonce resynchronises the lane from {@code eth_getTransactionCount(..., "pending")}; "already
 * known" counts as sent (the node has it). Every {@link Config#crossShardEvery}-th transaction of a
 * lane is a cross-shard transfer to the next shard. Each tick sends what is due as one JSON-RPC
 * batch request per node and shard.
 *
 * <p>Thread-safe; {@link #start} and {@link #stop} may be called from any thread.
 */
public final class LoadGenerator implements AutoCloseable {

  /** How long a lane waits after a transport failure before it sends again. */
  static final long TRANSPORT_RETRY_MILLIS = 1_000;

  /** The most requests in one JSON-RPC batch: a node's default limit. */
  static final int MAX_BATCH = RpcServerConfig.DEFAULT_MAX_BATCH;

  /** How often the generator wakes up to send the transactions due. */
  static final long TICK_MILLIS = 20;

  /**
   * @param tps transactions per second to send, over all shards
   * @param rpcUrls each node's JSON-RPC base url, e.g. {@code http://127.0.0.1:8545}
   * @param chainIds the EIP-155 chain id of each shard, by shard index
   * @param accounts the funded senders (also the recipients)
   * @param crossShardEvery one transaction in this many is a cross-shard transfer (0: none)
   */
  public record Config(
      double tps,
      List<String> rpcUrls,
      List<Long> chainIds,
      List<DevAccount> accounts,
      int crossShardEvery,
      TransferFactory transfers) {

    public Config {
      rpcUrls = List.copyOf(rpcUrls);
      chainIds = List.copyOf(chainIds);
      accounts = List.copyOf(accounts);
      Objects.requireNonNull(transfers, "transfers");
      if (tps <= 0 || rpcUrls.isEmpty() || chainIds.isEmpty() || accounts.size() < 2) {
        throw new IllegalArgumentException(
            "load needs tps > 0, at least one node, one shard and two accounts");
      }
    }
  }

  /** One transfer of this many wei: enough to move value, never enough to drain an account. */
  static final BigInteger VALUE = BigInteger.valueOf(1_000_000_000L);

  private final Config config;
  private final JsonRpcClient rpc = new JsonRpcClient();
  private final LoadCounters counters = new LoadCounters();
  private final LatencyTracker latency = new LatencyTracker(rpc, System::currentTimeMillis);
  private final long sampleEvery;
  private final List<Lane> lanes = new ArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "load-generator");
            thread.setDaemon(true);
            return thread;
          });
  private double budget;
  private int nextLane;
  private long sendCount;
  private boolean started;

  public LoadGenerator(Config config) {
    this.config = config;
    // About four samples a second, whatever the rate.
    this.sampleEvery = Math.max(1, Math.round(config.tps() / 4));
    int accounts = config.accounts().size();
    for (int shard = 0; shard < config.chainIds().size(); shard++) {
      for (int a = 0; a < accounts; a++) {
        DevAccount sender = config.accounts().get(a);
        DevAccount recipient = config.accounts().get((a + 1) % accounts);
        lanes.add(
            new Lane(
                shard,
                lanes.size() % config.rpcUrls().size(),
                SecpPrivateKey.fromHexString(sender.privateKey()),
                sender.address(),
                recipient.address()));
      }
    }
  }

  /** Starts sending; lanes first read their next nonce from the node. */
  public synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (Lane lane : lanes) {
      lane.resync(url(lane.shard, lane.node));
    }
    scheduler.scheduleAtFixedRate(this::tickSafely, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    latency.start();
  }

  /** Stops sending; requests in flight finish on their own. */
  public void stop() {
    scheduler.shutdownNow();
    latency.close();
  }

  @Override
  public void close() {
    stop();
  }

  public LoadCounters counters() {
    return counters;
  }

  /** The latencies of a sample of the accepted transactions. */
  public LatencyTracker latency() {
    return latency;
  }

  /** One line for the status view: the counters, then the latencies once measured. */
  public String summary() {
    String latencies = latency.summary();
    return counters.summary() + (latencies.isEmpty() ? "" : " | " + latencies);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      counters.onRejected("generator error: " + e);
    }
  }

  private synchronized void tick() {
    // At most one second of backlog: a slow node lowers the rate instead of causing a burst.
    budget = Math.min(budget + config.tps() * TICK_MILLIS / 1000.0, config.tps());
    Map<String, List<Outgoing>> batches = new LinkedHashMap<>();
    int checked = 0;
    while (budget >= 1 && checked < lanes.size()) {
      Lane lane = lanes.get(nextLane);
      nextLane = (nextLane + 1) % lanes.size();
      checked++;
      if (lane.tryAcquire()) {
        budget -= 1;
        checked = 0;
        Outgoing outgoing = prepare(lane);
        batches.computeIfAbsent(outgoing.url(), url -> new ArrayList<>()).add(outgoing);
      }
    }
    batches.forEach(this::send);
  }

  /** A signed transfer on its way: what its answer is handled with. */
  private record Outgoing(
      Lane lane, int node, String url, String raw, boolean crossShard, boolean sampled) {}

  private Outgoing prepare(Lane lane) {
    int node = lane.node;
    String url = url(lane.shard, node);
    int shards = config.chainIds().size();
    boolean crossShard =
        shards > 1
            && config.crossShardEvery() > 0
            && lane.sentOnLane % config.crossShardEvery() == config.crossShardEvery() - 1;
    long chainId = config.chainIds().get(lane.shard);
    long nonce = lane.nonce;
    String raw =
        crossShard
            ? config
                .transfers()
                .crossShardTransfer(
                    lane.key, chainId, nonce, (lane.shard + 1) % shards, lane.recipient, VALUE)
            : config.transfers().transfer(lane.key, chainId, nonce, lane.recipient, VALUE);
    counters.onSent(crossShard);
    boolean sampled = ++sendCount % sampleEvery == 0;
    return new Outgoing(lane, node, url, raw, crossShard, sampled);
  }

  /**
   * One JSON-RPC batch per node and shard each tick (split at the node's batch limit): far fewer
   * HTTP requests than transfers.
   */
  private void send(String url, List<Outgoing> due) {
    chunks(due, MAX_BATCH).forEach(batch -> sendBatch(url, batch));
  }

  /** {@code items} in order, in consecutive chunks of at most {@code size}. */
  static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }

  private void sendBatch(String url, List<Outgoing> batch) {
    long submitted = System.currentTimeMillis();
    rpc.sendRawTransactions(url, batch.stream().map(Outgoing::raw).toList())
        .thenAccept(
            results -> {
              for (int i = 0; i < batch.size(); i++) {
                onAnswer(batch.get(i), results.get(i), submitted);
              }
            });
  }

  private void onAnswer(Outgoing sent, RpcResult result, long submitted) {
    Lane lane = sent.lane();
    if (result.isOk()) {
      counters.onAccepted();
      if (sent.sampled()) {
        latency.follow(
            result.result().orElseThrow(),
            config.rpcUrls().get(sent.node()),
            sent.url(),
            sent.crossShard(),
            submitted);
      }
      lane.advance();
      return;
    }
    counters.onRejected(reason(result));
    String message = result.errorMessage().toLowerCase(java.util.Locale.ROOT);
    if (message.contains("already known")) {
      lane.advance(); // sent before, an answer lost on the way: the node has it
    } else if (message.contains("nonce")) {
      lane.resync(sent.url());
    } else if (result.errorCode() == RpcResult.TRANSPORT) {
      // The node is not up (yet) or went away: do not spin on it.
      schedule(lane::release, TRANSPORT_RETRY_MILLIS);
    } else {
      lane.release();
    }
  }

  private void schedule(Runnable task, long delayMillis) {
    try {
      scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Stopped.
    }
  }

  private static String reason(RpcResult result) {
    return result.errorCode() == RpcResult.TRANSPORT
        ? "transport " + result.errorMessage()
        : result.errorMessage().isEmpty() ? "error " + result.errorCode() : result.errorMessage();
  }

  private String url(int shard, int node) {
    return config.rpcUrls().get(node) + "/shard/" + shard;
  }

  /** One sender on one shard: its next nonce, and whether a request is in flight. */
  private final class Lane {
    final int shard;
    final int node;
    final SecpPrivateKey key;
    final Address address;
    final Address recipient;
    long nonce;
    long sentOnLane;
    boolean busy = true; // until the first nonce is known

    Lane(int shard, int node, SecpPrivateKey key, Address address, Address recipient) {
      this.shard = shard;
      this.node = node;
      this.key = key;
      this.address = address;
      this.recipient = recipient;
    }

    synchronized boolean tryAcquire() {
      if (busy) {
        return false;
      }
      busy = true;
      return true;
    }

    synchronized void advance() {
      nonce++;
      sentOnLane++;
      busy = false;
    }

    synchronized void release() {
      sentOnLane++;
      busy = false;
    }

    void resync(String url) {
      rpc.pendingNonce(url, address.toHexString())
          .thenAccept(
              result -> {
                synchronized (this) {
                  if (result.isOk()) {
                    nonce = parseQuantity(result.result().orElseThrow()).orElse(nonce);
                  }
                  busy = false;
                }
              });
    }
  }

  /** A JSON-RPC hex quantity such as {@code 0x1a}, if it is one. */
  static java.util.OptionalLong parseQuantity(String text) {
    if (!text.startsWith("0x") || text.length() < 3 || text.length() > 18) {
      return java.util.OptionalLong.empty();
    }
    try {
      return java.util.OptionalLong.of(Long.parseUnsignedLong(text.substring(2), 16));
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty();
    }
  }
}
