package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Liveness without finality: 40 % of the stake offline stalls finality but not the chain. */
class OfflineStakeSimulationTest {

  @Test
  void shouldStallFinalityWhileFortyPercentIsOfflineAndResumeAfter() {
    Simulation sim = Simulation.builder().seed(3).build();
    // 26 of 64 (40.6 %), spread over every node, so 59 % cannot reach the 2/3 needed to justify.
    List<ValidatorIndex> offline =
        IntStream.range(0, 64).filter(v -> v % 5 < 2).mapToObj(ValidatorIndex::of).toList();
    assertThat(offline).hasSize(26);
    sim.runEpochs(5);
    long finalizedBefore = finalizedEpoch(sim);
    assertThat(finalizedBefore).isEqualTo(2);

    sim.setOffline(offline);
    sim.runEpochs(1);
    // The last fully attested epoch may still finalize in the first epoch offline.
    long stalledAt = finalizedEpoch(sim);
    long headSlotBefore = headSlot(sim);
    sim.runEpochs(5);

    assertThat(finalizedEpoch(sim)).isEqualTo(stalledAt);
    assertThat(stalledAt).isLessThanOrEqualTo(finalizedBefore + 1);
    // Heads still advance: most slots have an online proposer.
    assertThat(headSlot(sim)).isGreaterThanOrEqualTo(headSlotBefore + 5 * 8 - 20);
    assertThat(sim.headHistory().get(sim.headHistory().size() - 1))
        .containsOnly(sim.node(0).head());

    sim.setOnline(offline);
    sim.runEpochs(4);

    assertThat(finalizedEpoch(sim)).isGreaterThan(stalledAt + 1);
    sim.nodes()
        .forEach(
            n -> assertThat(n.finalizedCheckpoint()).isEqualTo(sim.node(0).finalizedCheckpoint()));
    assertThat(sim.conflictingFinalizedCheckpoints()).isEmpty();
  }

  private static long finalizedEpoch(Simulation sim) {
    return sim.node(0).finalizedCheckpoint().epoch().value().longValue();
  }

  private static long headSlot(Simulation sim) {
    return sim.node(0).headState().latestBlockHeader().slot().value().longValue();
  }
}
