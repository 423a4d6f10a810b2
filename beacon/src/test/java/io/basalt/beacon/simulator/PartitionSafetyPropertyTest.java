package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Safety under partitions: whatever the seed and the split, no two nodes ever finalize conflicting
 * checkpoints. Few, short runs (each a few simulated epochs) to stay within the test budget.
 */
class PartitionSafetyPropertyTest {

  @Property(tries = 4)
  void noTwoNodesFinalizeConflictingCheckpoints(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
      @ForAll @IntRange(min = 1, max = 14) int groupMask,
      @ForAll @IntRange(min = 1, max = 3) int startEpoch,
      @ForAll @IntRange(min = 1, max = 4) int partitionEpochs) {
    // Bit i of the mask puts node i in the first group; 1..14 always leaves both groups non-empty.
    Set<Integer> first = new HashSet<>();
    Set<Integer> second = new HashSet<>();
    for (int node = 0; node < 4; node++) {
      ((groupMask >> node & 1) == 1 ? first : second).add(node);
    }
    Simulation sim = Simulation.builder().seed(seed).delay(10, 400).loss(0.02).build();
    long slotsPerEpoch = sim.config().slotsPerEpoch();
    sim.at(startEpoch * slotsPerEpoch, () -> sim.network().partition(List.of(first, second)));
    sim.at((startEpoch + partitionEpochs) * slotsPerEpoch, () -> sim.network().heal());

    sim.runEpochs(startEpoch + partitionEpochs + 2);

    assertThat(sim.conflictingFinalizedCheckpoints()).isEmpty();
    for (SimNode node : sim.nodes()) {
      // A node's finality only moves forward.
      List<Long> epochs =
          sim.finalizedHistory(node.id()).stream().map(c -> c.epoch().value().longValue()).toList();
      assertThat(epochs).isSorted().doesNotHaveDuplicates();
    }
  }
}
