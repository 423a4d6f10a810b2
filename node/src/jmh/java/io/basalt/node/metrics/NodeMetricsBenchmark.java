package io.basalt.node.metrics;

import io.basalt.common.types.ShardId;
import io.basalt.networking.gossip.ValidationResult;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the metric updates on hot paths (one per gossip message, one per block import) and of a
 * whole scrape, which runs on the metrics server's thread every scrape interval.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NodeMetricsBenchmark {
  private NodeMetrics metrics;

  @Setup
  public void setUp() {
    metrics = new NodeMetrics();
    for (int shard = 0; shard < 4; shard++) {
      metrics.setShardHeadHeight(ShardId.of(shard), 100);
    }
  }

  @Benchmark
  public void gossipMessage() {
    metrics.gossipMessage("beacon_attestation", ValidationResult.ACCEPT);
  }

  @Benchmark
  public void observeBlockImport() {
    metrics.observeBlockImport(Duration.ofMillis(12));
  }

  @Benchmark
  public Object scrape() {
    return metrics.registry().scrape();
  }
}
