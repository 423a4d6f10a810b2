package io.basalt.testnet.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Follows a sample of accepted transactions over JSON-RPC and measures, from the moment each was
 * submitted: inclusion (its receipt appears), finality (the shard's {@code finalized} block reaches
 * the receipt's block) and, for cross-shard transfers, delivery ({@code
 * shard_getCrossShardTransfer} reports {@code delivered}). Samples are polled every {@link
 * #POLL_MILLIS}, so each figure is late by up to that much; a sample not done within {@link
 * #GIVE_UP_MILLIS} is dropped and counted as lost.
 */
public final class LatencyTracker implements AutoCloseable {

  static final long POLL_MILLIS = 250;
  static final long GIVE_UP_MILLIS = 180_000;

  /** At most this many samples followed at once; more are not sampled. */
  static final int MAX_FOLLOWED = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonRpcClient rpc;
  private final LongSupplier clockMillis;
  private final List<Sample> followed = new CopyOnWriteArrayList<>();
  private final Map<String, Long> finalizedByShardUrl = new ConcurrentHashMap<>();
  private final LatencyStats included = new LatencyStats();
  private final LatencyStats finalized = new LatencyStats();
  private final LatencyStats delivered = new LatencyStats();
  private final java.util.concurrent.atomic.AtomicLong lost =
      new java.util.concurrent.atomic.AtomicLong();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "load-latency");
            thread.setDaemon(true);
            return thread;
          });

  public LatencyTracker(JsonRpcClient rpc, LongSupplier clockMillis) {
    this.rpc = rpc;
    this.clockMillis = clockMillis;
  }

  /** Starts polling. */
  public void start() {
    poller.scheduleWithFixedDelay(
        this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }

  /**
   * Follows one accepted transaction.
   *
   * @param nodeUrl the node's JSON-RPC base url (node-wide methods)
   * @param shardUrl the shard endpoint it was sent to
   * @param submittedMillis when it was submitted, on this tracker's clock
   */
  public void follow(
      String hash, String nodeUrl, String shardUrl, boolean crossShard, long submittedMillis) {
    if (followed.size() < MAX_FOLLOWED) {
      followed.add(new Sample(hash, nodeUrl, shardUrl, crossShard, submittedMillis));
    }
  }

  /** One line for the status view, or empty before the first measured sample. */
  public String summary() {
    String text =
        Stream.of(
                included.describe("included"),
                finalized.describe("finalized"),
                delivered.describe("delivered"))
            .filter(s -> !s.isEmpty())
            .collect(Collectors.joining(", "));
    if (text.isEmpty()) {
      return "";
    }
    long gone = lost.get();
    return "latency: " + text + (gone > 0 ? ", lost " + gone : "");
  }

  LatencyStats included() {
    return included;
  }

  LatencyStats finalized() {
    return finalized;
  }

  LatencyStats delivered() {
    return delivered;
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // A malformed answer must not stop the poller; the sample is retried or given up later.
    }
  }

  void poll() {
    long now = clockMillis.getAsLong();
    List<String> shardUrls = new ArrayList<>();
    for (Sample sample : followed) {
      if (now - sample.submittedMillis > GIVE_UP_MILLIS) {
        followed.remove(sample);
        lost.incrementAndGet();
        continue;
      }
      if (sample.busy) {
        continue;
      }
      if (sample.blockNumber < 0) {
        sample.busy = true;
        rpc.call(sample.shardUrl, "eth_getTransactionReceipt", List.of(sample.hash))
            .thenAccept(result -> onReceipt(sample, result));
        continue;
      }
      if (!sample.finalized) {
        Long done = finalizedByShardUrl.get(sample.shardUrl);
        if (done != null && done >= sample.blockNumber) {
          sample.finalized = true;
          finalized.add(now - sample.submittedMillis);
        } else if (!shardUrls.contains(sample.shardUrl)) {
          shardUrls.add(sample.shardUrl);
        }
      }
      if (sample.crossShard && !sample.delivered) {
        sample.busy = true;
        rpc.call(sample.nodeUrl, "shard_getCrossShardTransfer", List.of(sample.hash))
            .thenAccept(result -> onTransfer(sample, result));
      }
      if (sample.finalized && (!sample.crossShard || sample.delivered)) {
        followed.remove(sample);
      }
    }
    for (String url : shardUrls) {
      rpc.call(url, "eth_getBlockByNumber", List.of("finalized", false))
          .thenAccept(
              result -> field(result, "number").ifPresent(n -> finalizedByShardUrl.put(url, n)));
    }
  }

  private void onReceipt(Sample sample, RpcResult result) {
    OptionalLong block = field(result, "blockNumber");
    if (block.isPresent()) {
      sample.blockNumber = block.getAsLong();
      included.add(clockMillis.getAsLong() - sample.submittedMillis);
    }
    sample.busy = false;
  }

  private void onTransfer(Sample sample, RpcResult result) {
    JsonNode body = parse(result);
    if (body != null && "delivered".equals(body.path("status").asText())) {
      sample.delivered = true;
      delivered.add(clockMillis.getAsLong() - sample.submittedMillis);
    }
    sample.busy = false;
  }

  /** A hex quantity field of an object result, if the result is an object that has it. */
  private static OptionalLong field(RpcResult result, String name) {
    JsonNode body = parse(result);
    if (body == null || !body.path(name).isTextual()) {
      return OptionalLong.empty();
    }
    return LoadGenerator.parseQuantity(body.path(name).asText());
  }

  private static JsonNode parse(RpcResult result) {
    if (!result.isOk()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(result.result().orElseThrow());
      return node != null && node.isObject() ? node : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** One followed transaction; its fields are written by the poller and the RPC callbacks. */
  private static final class Sample {
    final String hash;
    final String nodeUrl;
    final String shardUrl;
    final boolean crossShard;
    final long submittedMillis;
    volatile boolean busy;
    volatile long blockNumber = -1;
    volatile boolean finalized;
    volatile boolean delivered;

    Sample(String hash, String nodeUrl, String shardUrl, boolean crossShard, long submittedMillis) {
      this.hash = hash;
      this.nodeUrl = nodeUrl;
      this.shardUrl = shardUrl;
      this.crossShard = crossShard;
      this.submittedMillis = submittedMillis;
    }
  }
}
