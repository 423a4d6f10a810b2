package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.gossip.GossipVerdict;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.Operations;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Gossip attestations that no honest node sends are rejected; unusable ones are ignored. */
class AttestationGossipValidationTest {

  @Test
  void shouldRejectBadSignaturesAndTargetsAndIgnoreUnknownBlocks() {
    Simulation sim = Simulation.builder().nodes(2).seed(4).build();
    Operations operations =
        new Operations(sim.config(), new BeaconStateAccessors(sim.config()), new InteropSigner());
    SimNode node = sim.node(0);
    long[] ignoredBefore = new long[1];
    sim.at(
        3,
        () -> {
          BeaconState state = node.headState();
          AttestationData data =
              operations.attestationData(state, Slot.of(1), ShardId.of(1), Bytes32.ZERO);
          Attestation valid = operations.fullAttestation(state, data);
          AttestationData other =
              operations.attestationData(state, Slot.of(1), ShardId.of(2), Bytes32.ZERO);
          Attestation forged =
              new Attestation(
                  valid.aggregationBits(),
                  data,
                  operations.fullAttestation(state, other).signature());
          Attestation wrongTarget =
              new Attestation(
                  valid.aggregationBits(),
                  withTarget(data, new Checkpoint(Epoch.of(3), data.target().root())),
                  valid.signature());
          Attestation unknownBlock =
              new Attestation(
                  valid.aggregationBits(),
                  withBlock(data, Bytes32.repeat((byte) 0x77)),
                  valid.signature());
          ignoredBefore[0] = node.attestationVerdicts(GossipVerdict.IGNORE);
          node.deliver(1, new SimMessage.AttestationGossip(forged));
          node.deliver(1, new SimMessage.AttestationGossip(wrongTarget));
          node.deliver(1, new SimMessage.AttestationGossip(unknownBlock));
          assertThat(node.attestationVerdicts(GossipVerdict.IGNORE))
              .isEqualTo(ignoredBefore[0] + 1);
        });
    sim.runUntilSlot(4);

    // The forged signature fails when its batch is verified; honest votes are still accepted.
    assertThat(node.attestationVerdicts(GossipVerdict.REJECT)).isEqualTo(2);
    assertThat(sim.node(1).attestationVerdicts(GossipVerdict.REJECT)).isZero();
    assertThat(node.attestationVerdicts(GossipVerdict.ACCEPT)).isPositive();
  }

  private static AttestationData withTarget(AttestationData d, Checkpoint target) {
    return new AttestationData(
        d.slot(), d.shard(), d.beaconBlockRoot(), d.source(), target, d.shardHeadRoot());
  }

  private static AttestationData withBlock(AttestationData d, Bytes32 root) {
    return new AttestationData(
        d.slot(), d.shard(), root, d.source(), d.target(), d.shardHeadRoot());
  }
}
