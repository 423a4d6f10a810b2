package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.ValidatorIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Misbehaviour is detected by the nodes' slashing detectors, pooled, included by a later proposer
 * and punished by the state transition.
 */
class SlashingSimulationTest {

  private static final ValidatorIndex DOUBLE_VOTER = ValidatorIndex.of(37);

  @Test
  void shouldSlashAnEquivocatingProposerAndADoubleVoter() {
    Simulation sim = Simulation.builder().seed(5).build();
    sim.equivocateAt(10);
    sim.at(17, () -> sim.doubleVote(DOUBLE_VOTER));
    sim.runEpochs(5);

    List<ValidatorIndex> equivocators = sim.equivocatingProposers();
    assertThat(equivocators).hasSize(1);
    ValidatorIndex proposer = equivocators.get(0);
    assertThat(proposer).isNotEqualTo(DOUBLE_VOTER);

    BeaconState head = sim.node(0).headState();
    long honestBalance = head.balances().get(0).value().longValue();
    for (ValidatorIndex offender : List.of(proposer, DOUBLE_VOTER)) {
      Validator validator = head.validators().get(offender.value().longValue());
      long balance = head.balances().get(offender.value().longValue()).value().longValue();
      assertThat(validator.slashed()).as("validator %s slashed", offender).isTrue();
      assertThat(validator.exitEpoch()).isNotEqualTo(Validator.FAR_FUTURE_EPOCH);
      assertThat(validator.withdrawableEpoch()).isNotEqualTo(Validator.FAR_FUTURE_EPOCH);
      // The initial penalty (effective balance / 64 = 0.5) far exceeds a few epochs' rewards.
      assertThat(balance).isLessThan(sim.config().maxEffectiveBalance().value().longValue());
      assertThat(balance).isLessThan(honestBalance - 400_000_000L);
    }
    long slashedCount = head.validators().toList().stream().filter(Validator::slashed).count();
    assertThat(slashedCount).isEqualTo(2);
    // Included once: the pools no longer hold them, and the chain kept finalizing.
    for (SimNode node : sim.nodes()) {
      assertThat(node.operationPools().proposerSlashings().size()).isZero();
      assertThat(node.operationPools().attesterSlashings().size()).isZero();
      assertThat(node.finalizedCheckpoint().epoch().value().longValue()).isGreaterThanOrEqualTo(2);
    }
  }
}
