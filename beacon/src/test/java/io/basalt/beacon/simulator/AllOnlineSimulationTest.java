package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.gossip.GossipVerdict;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Four nodes, 64 validators, every one online, 100 epochs of the local preset on the protocol's
 * transition and real BLS.
 */
class AllOnlineSimulationTest {

  private static final int EPOCHS = 100;

  @Test
  void shouldFinalizeEveryEpochAndAgreeOnHeadAndFinality() {
    Simulation sim = Simulation.builder().seed(42).build();
    long slotsPerEpoch = sim.config().slotsPerEpoch();

    long started = System.nanoTime();
    long previousFinalized = -1;
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      sim.runEpochs(1);
      long finalizedEpoch = sim.node(0).finalizedCheckpoint().epoch().value().longValue();
      if (epoch >= 4) {
        // Justification starts with the processing at the end of epoch 2 (phase0 skips the first
        // two epochs); from then on full participation justifies each epoch when it ends and
        // finalizes the one before. At an epoch's last slot its own processing is still to come.
        assertThat(finalizedEpoch)
            .as("finalized epoch at the end of epoch %d", epoch)
            .isEqualTo(epoch - 2L)
            .isGreaterThan(previousFinalized);
      }
      previousFinalized = finalizedEpoch;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "Simulator: %d epochs, %d nodes, 64 validators in %.1f s = %.1f epochs/s (%d events)%n",
        EPOCHS, sim.nodes().size(), seconds, EPOCHS / seconds, sim.eventCount());

    assertThat(sim.currentSlot()).isEqualTo(EPOCHS * slotsPerEpoch - 1);
    List<Bytes32> lastHeads = sim.headHistory().get(sim.headHistory().size() - 1);
    assertThat(lastHeads).containsOnly(lastHeads.get(0));
    Checkpoint finalized = sim.node(0).finalizedCheckpoint();
    assertThat(finalized.epoch().value().longValue()).isEqualTo(EPOCHS - 3L);
    for (SimNode node : sim.nodes()) {
      assertThat(node.finalizedCheckpoint()).isEqualTo(finalized);
      assertThat(node.headState().slot().value().longValue()).isEqualTo(sim.currentSlot());
      assertThat(node.rejectionCount(ImportRejection.Reason.INVALID_SIGNATURE)).isZero();
      assertThat(node.rejectionCount(ImportRejection.Reason.STATE_TRANSITION_FAILED)).isZero();
      assertThat(node.attestationVerdicts(GossipVerdict.REJECT)).isZero();
      assertThat(node.attestationVerdicts(GossipVerdict.ACCEPT)).isPositive();
    }
    // Every slot had its block: no proposer was offline.
    assertThat(sim.blocksProposed()).isEqualTo(sim.currentSlot());
    assertThat(sim.productionFailures()).isZero();
    assertThat(sim.conflictingFinalizedCheckpoints()).isEmpty();

    // Same seed, same run: a second simulation repeats the first ten epochs head for head (a run
    // is causal, so its prefix does not depend on how long it goes on).
    Simulation again = Simulation.builder().seed(42).build();
    again.runEpochs(10);
    assertThat(again.headHistory())
        .isEqualTo(sim.headHistory().subList(0, again.headHistory().size()));
  }
}
