package io.basalt.shard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.ShardId;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The same seed gives the same shard chains, block for block; another seed another run. */
class ShardDeterminismTest {

  @Test
  void sameSeedSameShardHeads() {
    List<Bytes32> first = heads(5);
    assertThat(heads(5)).isEqualTo(first);
    assertThat(heads(6)).isNotEqualTo(first);
  }

  private static List<Bytes32> heads(long seed) {
    ShardSimulation sim = ShardSimulation.builder().nodes(2).seed(seed).workload(2, 0.5).build();
    sim.runUntilSlot(10);
    List<Bytes32> heads = new ArrayList<>();
    for (ShardNode node : sim.nodes()) {
      for (int shard = 0; shard < sim.shardCount(); shard++) {
        heads.add(node.currentHead(ShardId.of(shard)));
      }
    }
    return heads;
  }
}
