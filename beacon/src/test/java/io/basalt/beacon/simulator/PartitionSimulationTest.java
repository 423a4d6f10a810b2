package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two halves apart for five epochs, then healed: no conflicting finality, then convergence. */
class PartitionSimulationTest {

  @Test
  void shouldNotFinalizeConflictingCheckpointsAcrossAPartitionAndConvergeAfterHealing() {
    Simulation sim = Simulation.builder().seed(11).build();
    sim.runEpochs(4);

    sim.network().partition(List.of(Set.of(0, 1), Set.of(2, 3)));
    // The processing at the end of the last joint epoch still finalizes with its votes.
    sim.runEpochs(1);
    List<Checkpoint> stalled = sim.nodes().stream().map(SimNode::finalizedCheckpoint).toList();
    long stalledEpoch = stalled.get(0).epoch().value().longValue();
    assertThat(stalled).containsOnly(stalled.get(0));
    assertThat(stalledEpoch).isEqualTo(2);
    sim.runEpochs(4);

    // Each half holds half the stake: neither can justify, so neither finalizes anything new.
    for (SimNode node : sim.nodes()) {
      assertThat(node.finalizedCheckpoint()).isEqualTo(stalled.get(node.id()));
    }
    assertThat(sim.node(0).head()).isNotEqualTo(sim.node(2).head());
    assertThat(sim.node(0).head()).isEqualTo(sim.node(1).head());

    sim.network().heal();
    sim.runEpochs(5);

    assertThat(sim.conflictingFinalizedCheckpoints()).isEmpty();
    SimNode first = sim.node(0);
    for (SimNode node : sim.nodes()) {
      assertThat(node.head()).isEqualTo(first.head());
      assertThat(node.finalizedCheckpoint()).isEqualTo(first.finalizedCheckpoint());
    }
    assertThat(first.finalizedCheckpoint().epoch().value().longValue())
        .isGreaterThan(stalledEpoch + 1);
    // The halves learned each other's fork by asking for unknown parents.
    assertThat(sim.nodes().stream().mapToLong(SimNode::blockRequestsSent).sum()).isPositive();
  }
}
