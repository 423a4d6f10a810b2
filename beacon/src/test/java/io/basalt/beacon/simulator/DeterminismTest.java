package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Same seed and scenario, same run: the head of every node at every slot is identical. */
class DeterminismTest {

  @Test
  void shouldProduceTheSameHeadSequenceTwiceFromOneSeed() {
    List<List<Bytes32>> first = run(7);
    List<List<Bytes32>> second = run(7);

    assertThat(first).hasSize(6 * 8 - 1);
    assertThat(second).isEqualTo(first);
    // Not trivially equal: the heads moved, and lossy links made the nodes disagree at times.
    Set<Bytes32> distinct = new HashSet<>();
    first.forEach(distinct::addAll);
    assertThat(distinct.size()).isGreaterThan(30);
  }

  @Test
  void shouldDrawTheNetworkFromTheSeed() {
    Simulation a = lossy(7);
    Simulation b = lossy(8);
    a.runUntilSlot(16);
    b.runUntilSlot(16);

    assertThat(a.network().droppedCount()).isNotEqualTo(b.network().droppedCount());
  }

  /** A lossy, jittery network with a partition in the middle: many chances to diverge. */
  private static List<List<Bytes32>> run(long seed) {
    Simulation sim = lossy(seed);
    sim.at(17, () -> sim.network().partition(List.of(Set.of(0), Set.of(1, 2, 3))));
    sim.at(25, () -> sim.network().heal());
    sim.runEpochs(6);
    return sim.headHistory();
  }

  private static Simulation lossy(long seed) {
    return Simulation.builder().seed(seed).delay(10, 900).loss(0.1).build();
  }
}
