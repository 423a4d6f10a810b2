package io.basalt.beacon.chain.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.BlockBuilder;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.Operations;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.beacon.transition.epoch.EpochProcessor;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * An imported block's attester slashing reaches fork choice ({@code on_attester_slashing}): the
 * equivocator's vote stops counting at the next head computation.
 */
class AttesterSlashingImportTest {

  private final ChainFixture chain =
      ChainFixture.genesisOnSpec(
          InMemoryKvStore.create(BasaltSchema.SCHEMA), new EpochProcessor(ChainFixture.CONFIG));
  private final BeaconStateAccessors accessors = new BeaconStateAccessors(ChainFixture.CONFIG);
  private final InteropSigner signer = new InteropSigner();
  private final Operations operations = new Operations(ChainFixture.CONFIG, accessors, signer);

  @Test
  void shouldRemoveTheEquivocatorsVoteWhenABlockCarriesItsSlashing() throws Exception {
    Bytes32 first = chain.extend(chain.store.headRoot(), 1).root();
    BeaconState afterFirst =
        chain.transition.processSlots(chain.states.stateOf(first).orElseThrow(), Slot.of(2));
    AttestationData vote =
        operations.attestationData(afterFirst, Slot.of(1), ShardId.of(0), Bytes32.ZERO);
    Attestation attestation = operations.fullAttestation(afterFirst, vote);
    chain.attestationPool.add(attestation);
    ImportedBlock second = chain.extend(first, 2);
    assertThat(second.block().message().body().attestations()).contains(attestation);
    List<ValidatorIndex> voters = accessors.getAttestingIndices(afterFirst, attestation);
    ValidatorIndex equivocator = voters.get(0);
    long weightBefore = chain.forkChoice.node(first).orElseThrow().weight().value().longValue();
    long balance =
        second
            .postState()
            .validators()
            .get(equivocator.value().longValue())
            .effectiveBalance()
            .value()
            .longValue();
    assertThat(weightBefore).isEqualTo(voters.size() * balance);

    AttestationData otherVote =
        new AttestationData(
            vote.slot(),
            vote.shard(),
            vote.beaconBlockRoot(),
            vote.source(),
            vote.target(),
            Bytes32.repeat((byte) 0x0d));
    AttesterSlashing slashing =
        new AttesterSlashing(
            operations.indexedAttestation(afterFirst, vote, List.of(equivocator)),
            operations.indexedAttestation(afterFirst, otherVote, List.of(equivocator)));
    BlockBuilder.Body body = new BlockBuilder.Body();
    body.attesterSlashings.add(slashing);
    SignedBeaconBlock third =
        new BlockBuilder(
                ChainFixture.SCHEMAS,
                accessors,
                new StateTransition(ChainFixture.SCHEMAS, new EpochProcessor(ChainFixture.CONFIG)),
                signer)
            .build(second.postState(), Slot.of(3), body);
    chain.setSlot(3); // one second into the slot: too late for proposer boost

    ImportResult<ImportedBlock> imported = chain.pipeline.process(third);

    assertThat(imported.isAccepted()).as("%s", imported).isTrue();
    assertThat(
            imported
                .value()
                .postState()
                .validators()
                .get(equivocator.value().longValue())
                .slashed())
        .isTrue();
    assertThat(chain.forkChoice.node(first).orElseThrow().weight().value().longValue())
        .isEqualTo(weightBefore - balance);
  }
}
