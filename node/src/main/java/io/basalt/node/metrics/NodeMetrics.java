package io.basalt.node.metrics;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.gossip.ValidationResult;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * The node's metrics: one registry per node, holding the {@code basalt_*} metrics and the JVM's.
 * Services get this facade injected and call its typed methods; nothing else touches the registry.
 *
 * <p>Thread-safe: every method may be called from any thread. Slots and epochs are exported as
 * doubles, exact up to 2^53, far beyond any reachable slot.
 */
public final class NodeMetrics {
  /** Upper bounds (seconds) of the block import histogram: 1 ms to 10 s. */
  static final double[] IMPORT_BUCKETS = {
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final Gauge headSlot = gauge("basalt_head_slot", "Slot of the beacon chain head");
  private final Gauge finalizedEpoch =
      gauge("basalt_finalized_epoch", "Epoch of the latest finalized checkpoint");
  private final Gauge justifiedEpoch =
      gauge("basalt_justified_epoch", "Epoch of the latest justified checkpoint");
  private final Gauge peers = gauge("basalt_peers", "Connected peers");
  private final Counter gossipMessages =
      Counter.builder()
          .name("basalt_gossip_messages")
          .help("Gossip messages validated, by topic and result (accept, ignore, reject)")
          .labelNames("topic", "result")
          .register(registry);
  private final Counter queueDrops =
      Counter.builder()
          .name("basalt_queue_dropped")
          .help("Items dropped because a bounded queue was full, by queue")
          .labelNames("queue")
          .register(registry);
  private final Histogram blockImport =
      Histogram.builder()
          .name("basalt_block_import_seconds")
          .help("Time to import a beacon block, from receipt to new head, in seconds")
          .classicOnly()
          .classicUpperBounds(IMPORT_BUCKETS)
          .register(registry);
  private final Gauge shardHeadHeight =
      shardGauge("basalt_shard_head_height", "Block number of the shard chain head");
  private final Gauge shardTps =
      shardGauge("basalt_shard_tps", "Transactions per second in recent shard blocks");
  private final Gauge shardMempool =
      shardGauge("basalt_shard_mempool_size", "Transactions waiting in the shard mempool");
  private final Gauge shardMempoolQueued =
      shardGauge(
          "basalt_shard_mempool_queued",
          "Transactions in the shard mempool waiting behind a nonce gap (not executable yet)");
  private final Counter dutiesPerformed =
      Counter.builder()
          .name("basalt_validator_duties_performed")
          .help("Validator duties performed (signed and published), by kind")
          .labelNames("kind")
          .register(registry);
  private final Counter dutiesMissed =
      Counter.builder()
          .name("basalt_validator_duties_missed")
          .help("Validator duties missed (not published in time), by kind")
          .labelNames("kind")
          .register(registry);

  /** A registry with every {@code basalt_*} metric (at zero) and the JVM metrics. */
  public NodeMetrics() {
    JvmMetrics.builder().register(registry);
  }

  /** The registry the {@link MetricsServer} exports. */
  public PrometheusRegistry registry() {
    return registry;
  }

  public void setHeadSlot(Slot slot) {
    headSlot.set(slot.value().longValue());
  }

  public void setFinalizedEpoch(Epoch epoch) {
    finalizedEpoch.set(epoch.value().longValue());
  }

  public void setJustifiedEpoch(Epoch epoch) {
    justifiedEpoch.set(epoch.value().longValue());
  }

  public void setPeers(int count) {
    peers.set(count);
  }

  /** Counts one gossip message on {@code topic} (the topic name, without fork digest) by result. */
  public void gossipMessage(String topic, ValidationResult result) {
    gossipMessages.labelValues(topic, result.name().toLowerCase(Locale.ROOT)).inc();
  }

  /** Counts one item dropped from the bounded queue {@code queue} (e.g. {@code beacon_blocks}). */
  public void queueDropped(String queue) {
    queueDrops.labelValues(queue).inc();
  }

  public void observeBlockImport(Duration took) {
    blockImport.observe(took.toNanos() / 1e9);
  }

  public void setShardHeadHeight(ShardId shard, long height) {
    shardHeadHeight.labelValues(label(shard)).set(height);
  }

  public void setShardTps(ShardId shard, double transactionsPerSecond) {
    shardTps.labelValues(label(shard)).set(transactionsPerSecond);
  }

  public void setShardMempoolSize(ShardId shard, int transactions) {
    shardMempool.labelValues(label(shard)).set(transactions);
  }

  public void setShardMempoolQueued(ShardId shard, int transactions) {
    shardMempoolQueued.labelValues(label(shard)).set(transactions);
  }

  public void dutyPerformed(DutyKind kind) {
    dutiesPerformed.labelValues(kind.label()).inc();
  }

  public void dutyMissed(DutyKind kind) {
    dutiesMissed.labelValues(kind.label()).inc();
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(name).help(help).register(registry);
  }

  private Gauge shardGauge(String name, String help) {
    return Gauge.builder().name(name).help(help).labelNames("shard").register(registry);
  }

  private static String label(ShardId shard) {
    return Integer.toString(shard.id());
  }
}
