package io.basalt.testnet.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String TEXT =
      """
      # HELP basalt_head_slot Slot of the beacon chain head
      # TYPE basalt_head_slot gauge
      basalt_head_slot 42.0
      basalt_justified_epoch 4.0
      basalt_finalized_epoch 3.0
      basalt_peers 3.0
      basalt_shard_head_height{shard="0"} 17.0
      basalt_shard_head_height{shard="1"} 16.0
      basalt_shard_tps{shard="0"} 12.5
      basalt_shard_tps{shard="1"} 0.0
      garbage line without value
      basalt_weird NaNx
      """;

  @Test
  void shouldReadGaugesAndLabelledGauges() {
    PrometheusText metrics = PrometheusText.parse(TEXT);
    assertThat(metrics.get("basalt_head_slot")).hasValue(42.0);
    assertThat(metrics.get("basalt_shard_tps", "shard", "0")).hasValue(12.5);
    assertThat(metrics.get("basalt_weird")).isEmpty();
    assertThat(metrics.get("basalt_missing")).isEmpty();
  }

  @Test
  void shouldBuildANodeStatusForEachShard() {
    NodeStatus status = NodeStatus.from(PrometheusText.parse(TEXT), 3);
    assertThat(status.up()).isTrue();
    assertThat(status.headSlot()).isEqualTo(42);
    assertThat(status.justifiedEpoch()).isEqualTo(4);
    assertThat(status.finalizedEpoch()).isEqualTo(3);
    assertThat(status.peers()).isEqualTo(3);
    assertThat(status.shardHeights()).containsExactly(17L, 16L, -1L);
    assertThat(status.totalTps()).isEqualTo(12.5);
  }

  @Test
  void shouldSummariseNodesOnOneLine() {
    NodeStatus up = NodeStatus.from(PrometheusText.parse(TEXT), 2);
    String line = StatusLine.format(43, List.of(up, NodeStatus.DOWN), 2);
    assertThat(line)
        .startsWith("slot 43")
        .contains("head 42")
        .contains("justified 4 finalized 3")
        .contains("peers 3,-")
        .contains("shard heights 17,16")
        .contains("tps 13,0");
    assertThat(StatusLine.format(-5, List.of(NodeStatus.DOWN), 2))
        .isEqualTo("genesis in 5s | no node answers yet");
  }
}
