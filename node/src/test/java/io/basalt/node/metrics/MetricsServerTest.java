package io.basalt.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.networking.gossip.ValidationResult;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scrape over a real HTTP connection shows the basalt metrics as the node set them. */
class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> scrape(int port) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scrapeShowsUpdatedMetrics() throws Exception {
    NodeMetrics metrics = new NodeMetrics();
    metrics.setHeadSlot(Slot.of(42));
    metrics.setFinalizedEpoch(Epoch.of(3));
    metrics.setJustifiedEpoch(Epoch.of(4));
    metrics.setPeers(2);
    metrics.gossipMessage("beacon_block", ValidationResult.ACCEPT);
    metrics.gossipMessage("beacon_block", ValidationResult.REJECT);
    metrics.gossipMessage("beacon_block", ValidationResult.REJECT);
    metrics.queueDropped("attestations");
    metrics.observeBlockImport(Duration.ofMillis(30));
    metrics.setShardHeadHeight(ShardId.of(1), 41);
    metrics.setShardTps(ShardId.of(1), 12.5);
    metrics.setShardMempoolSize(ShardId.of(1), 9);
    metrics.setShardMempoolQueued(ShardId.of(1), 4);
    metrics.dutyPerformed(DutyKind.ATTESTATION);
    metrics.dutyMissed(DutyKind.BEACON_PROPOSAL);

    try (MetricsServer server = new MetricsServer(metrics.registry(), "127.0.0.1", 0)) {
      server.start();
      assertThat(server.port()).isPositive();
      HttpResponse<String> response = scrape(server.port());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(response.body().lines())
          .contains(
              "basalt_head_slot 42.0",
              "basalt_finalized_epoch 3.0",
              "basalt_justified_epoch 4.0",
              "basalt_peers 2.0",
              "basalt_gossip_messages_total{result=\"accept\",topic=\"beacon_block\"} 1.0",
              "basalt_gossip_messages_total{result=\"reject\",topic=\"beacon_block\"} 2.0",
              "basalt_queue_dropped_total{queue=\"attestations\"} 1.0",
              "basalt_block_import_seconds_bucket{le=\"0.025\"} 0",
              "basalt_block_import_seconds_bucket{le=\"0.05\"} 1",
              "basalt_block_import_seconds_count 1",
              "basalt_shard_head_height{shard=\"1\"} 41.0",
              "basalt_shard_tps{shard=\"1\"} 12.5",
              "basalt_shard_mempool_size{shard=\"1\"} 9.0",
              "basalt_shard_mempool_queued{shard=\"1\"} 4.0",
              "basalt_validator_duties_performed_total{kind=\"attestation\"} 1.0",
              "basalt_validator_duties_missed_total{kind=\"beacon_proposal\"} 1.0",
              "# TYPE basalt_block_import_seconds histogram");
      assertThat(response.body()).contains("jvm_memory_used_bytes", "process_cpu_seconds_total");
    }
  }

  @Test
  void everyNodeMetricsHasItsOwnRegistryWithJvmMetrics() {
    NodeMetrics first = new NodeMetrics();
    NodeMetrics second = new NodeMetrics();
    first.setPeers(5);

    assertThat(names(second)).contains("basalt_peers", "jvm_threads_current");
    assertThat(peers(first)).isEqualTo(5.0);
    assertThat(peers(second)).isEqualTo(0.0);
  }

  private static List<String> names(NodeMetrics metrics) {
    return metrics.registry().scrape().stream().map(s -> s.getMetadata().getName()).toList();
  }

  private static double peers(NodeMetrics metrics) {
    return metrics.registry().scrape().stream()
        .filter(s -> s.getMetadata().getName().equals("basalt_peers"))
        .map(GaugeSnapshot.class::cast)
        .findFirst()
        .orElseThrow()
        .getDataPoints()
        .get(0)
        .getValue();
  }

  @Test
  void stopFreesThePortAndStartTwiceFails() throws Exception {
    MetricsServer server = new MetricsServer(new NodeMetrics().registry(), "127.0.0.1", 0);
    server.start();
    int port = server.port();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);

    server.stop();

    assertThatThrownBy(() -> scrape(port)).isInstanceOf(IOException.class);
    assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
    server.stop(); // idempotent
  }

  @Test
  void aTakenPortIsReportedWithTheAddress() {
    try (MetricsServer first = new MetricsServer(new NodeMetrics().registry(), "127.0.0.1", 0)) {
      first.start();
      MetricsServer second =
          new MetricsServer(new NodeMetrics().registry(), "127.0.0.1", first.port());
      assertThatThrownBy(second::start)
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageStartingWith("cannot serve metrics on 127.0.0.1:" + first.port());
    }
  }
}
