package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.config.SpecConfigLoader;
import org.junit.jupiter.api.Test;

/** A voluntary exit travels gossip → pool → block and the validator leaves after the delay. */
class VoluntaryExitSimulationTest {

  private static final ValidatorIndex EXITING = ValidatorIndex.of(21);

  @Test
  void shouldRemoveAnExitingValidatorFromTheActiveSetAfterTheExitDelay() {
    // The local preset makes a validator wait SHARD_COMMITTEE_PERIOD = 64 epochs before it may
    // exit; one epoch keeps the run short without changing anything else.
    SpecConfig config = SpecConfigLoader.loadYaml("local", "SHARD_COMMITTEE_PERIOD: 1\n");
    BeaconState genesis = GenesisBuilder.interop(config, 64, TestStates.GENESIS_TIME);
    Simulation sim = Simulation.builder().genesis(config, genesis).seed(9).build();
    BeaconStateAccessors accessors = new BeaconStateAccessors(config);
    sim.at(12, () -> sim.voluntaryExit(EXITING)); // epoch 1, once the waiting period is over
    sim.runEpochs(2);

    BeaconState afterInclusion = sim.node(0).headState();
    Validator exiting = afterInclusion.validators().get(EXITING.value().longValue());
    assertThat(exiting.exitEpoch()).isNotEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(exiting.slashed()).isFalse();
    Epoch exitEpoch = exiting.exitEpoch();
    // compute_activation_exit_epoch: the epoch it was included in + 1 + MAX_SEED_LOOKAHEAD.
    assertThat(exitEpoch.value().longValue())
        .isEqualTo(1 + 1 + config.maxSeedLookahead().value().longValue());
    for (SimNode node : sim.nodes()) {
      assertThat(node.operationPools().voluntaryExits().size()).isZero();
    }

    sim.runUntilSlot(exitEpoch.value().longValue() * config.slotsPerEpoch() + 2);

    BeaconState head = sim.node(0).headState();
    assertThat(accessors.getActiveValidatorIndices(head, exitEpoch.minus(1)))
        .contains(EXITING)
        .hasSize(64);
    assertThat(accessors.getActiveValidatorIndices(head, exitEpoch))
        .doesNotContain(EXITING)
        .hasSize(63);
    assertThat(head.finalizedCheckpoint().epoch().value().longValue()).isPositive();
  }
}
