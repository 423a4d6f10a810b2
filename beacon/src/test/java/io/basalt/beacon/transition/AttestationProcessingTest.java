package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttestationProcessingTest {

  private static final ShardId SHARD = ShardId.of(1);

  private final TestChain chain = new TestChain(TestStates.genesis64());

  @BeforeEach
  void twoBlocks() throws Exception {
    chain.advance();
    chain.advance();
  }

  private AttestationData dataForSlot2(BeaconState view) {
    return chain.operations().attestationData(view, Slot.of(2), SHARD, Bytes32.ZERO);
  }

  private BeaconState viewAt(long slot) {
    return chain.stateAt(Slot.of(slot));
  }

  private SignedBeaconBlock blockWith(long slot, Attestation attestation) {
    return chain.produceUnchecked(Slot.of(slot), body -> body.attestations.add(attestation));
  }

  private List<ValidatorIndex> committee(BeaconState state, Slot slot) {
    return chain.accessors().getBeaconCommittee(state, slot, SHARD);
  }

  @Test
  void timelyAttestationSetsAllFlagsAndRewardsProposer() throws Exception {
    BeaconState view = viewAt(3);
    Attestation attestation = chain.operations().fullAttestation(view, dataForSlot2(view));
    SignedBeaconBlock block = chain.produce(Slot.of(3), body -> body.attestations.add(attestation));
    BeaconState before = chain.head();
    BeaconState after = chain.importBlock(block);

    List<ValidatorIndex> members = committee(after, Slot.of(2));
    for (ValidatorIndex member : members) {
      assertThat(after.currentEpochParticipation().get(member.intValue())).isEqualTo(0b111);
    }
    // Altair: base reward per increment = 10^9 * 64 / isqrt(64 * 32 * 10^9); 32 increments each;
    // weights 14 + 26 + 14; proposer reward = numerator / ((64 - 8) * 64 / 8).
    long perIncrement = 1_000_000_000L * 64 / 1_431_083L;
    long numerator = members.size() * 32 * perIncrement * (14 + 26 + 14);
    int proposer = block.message().proposerIndex().intValue();
    assertThat(
            after.balances().get(proposer).value().longValue()
                - before.balances().get(proposer).value().longValue())
        .isEqualTo(numerator / 448);
  }

  @Test
  void lateAttestationEarnsOnlyTimelyTarget() throws Exception {
    BeaconState view = viewAt(3);
    Attestation attestation = chain.operations().fullAttestation(view, dataForSlot2(view));
    // Included at slot 5: delay 3 > isqrt(8), not the minimum delay, within an epoch.
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(5), body -> body.attestations.add(attestation)));
    for (ValidatorIndex member : committee(after, Slot.of(2))) {
      assertThat(after.currentEpochParticipation().get(member.intValue())).isEqualTo(0b010);
    }
  }

  @Test
  void wrongTargetRootIsValidButEarnsOnlySource() throws Exception {
    BeaconState view = viewAt(3);
    AttestationData good = dataForSlot2(view);
    AttestationData wrongTarget =
        new AttestationData(
            good.slot(),
            good.shard(),
            good.beaconBlockRoot(),
            good.source(),
            new Checkpoint(good.target().epoch(), Bytes32.repeat((byte) 5)),
            good.shardHeadRoot());
    Attestation attestation = chain.operations().fullAttestation(view, wrongTarget);
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(3), body -> body.attestations.add(attestation)));
    for (ValidatorIndex member : committee(after, Slot.of(2))) {
      assertThat(after.currentEpochParticipation().get(member.intValue())).isEqualTo(0b001);
    }
  }

  @Test
  void shouldRejectTargetEpochThatIsNotTheSlotsEpoch() throws Exception {
    for (int i = 0; i < 7; i++) {
      chain.advance(); // head at slot 9, epoch 1
    }
    BeaconState view = viewAt(10);
    AttestationData slot7 =
        chain.operations().attestationData(view, Slot.of(7), SHARD, Bytes32.ZERO);
    AttestationData mismatched =
        new AttestationData(
            slot7.slot(),
            slot7.shard(),
            slot7.beaconBlockRoot(),
            view.currentJustifiedCheckpoint(),
            new Checkpoint(Epoch.of(1), slot7.target().root()),
            slot7.shardHeadRoot());
    Attestation attestation = chain.operations().fullAttestation(view, mismatched);
    assertRejected(
        () -> chain.importBlock(blockWith(10, attestation)),
        InvalidBlockReason.ATTESTATION_TARGET_MISMATCH);
  }

  @Test
  void shouldRejectAttestationOlderThanAnEpoch() throws Exception {
    BeaconState view = viewAt(3);
    Attestation attestation = chain.operations().fullAttestation(view, dataForSlot2(view));
    // Slot 2's attestation at slot 11: target epoch 0 is still the previous epoch, but the
    // inclusion window of SLOTS_PER_EPOCH slots has passed.
    assertRejected(
        () -> chain.importBlock(blockWith(11, attestation)),
        InvalidBlockReason.ATTESTATION_TOO_OLD);
    // At slot 17 the target epoch itself is too old.
    assertRejected(
        () -> chain.importBlock(blockWith(17, attestation)),
        InvalidBlockReason.ATTESTATION_TOO_OLD);
  }

  @Test
  void shouldRejectAttestationIncludedBeforeInclusionDelay() {
    BeaconState view = viewAt(3);
    AttestationData good = dataForSlot2(view);
    AttestationData slot3 =
        new AttestationData(
            Slot.of(3), SHARD, good.beaconBlockRoot(), good.source(), good.target(), Bytes32.ZERO);
    Attestation attestation = chain.operations().fullAttestation(view, slot3);
    assertRejected(
        () -> chain.importBlock(blockWith(3, attestation)),
        InvalidBlockReason.ATTESTATION_TOO_EARLY);
  }

  @Test
  void shouldRejectWrongAggregationBitsLength() {
    BeaconState view = viewAt(3);
    Attestation valid = chain.operations().fullAttestation(view, dataForSlot2(view));
    Bits longer = Bits.zeros(valid.aggregationBits().size() + 1).with(0, true);
    Attestation wrong = new Attestation(longer, valid.data(), valid.signature());
    assertRejected(
        () -> chain.importBlock(blockWith(3, wrong)),
        InvalidBlockReason.ATTESTATION_BITS_LENGTH_MISMATCH);
  }

  @Test
  void shouldRejectShardOutOfRangeSourceMismatchAndNoParticipants() {
    BeaconState view = viewAt(3);
    AttestationData good = dataForSlot2(view);
    Attestation valid = chain.operations().fullAttestation(view, good);
    AttestationData badShard =
        new AttestationData(
            good.slot(),
            ShardId.of(4),
            good.beaconBlockRoot(),
            good.source(),
            good.target(),
            Bytes32.ZERO);
    assertRejected(
        () ->
            chain.importBlock(
                blockWith(
                    3, new Attestation(valid.aggregationBits(), badShard, valid.signature()))),
        InvalidBlockReason.ATTESTATION_SHARD_OUT_OF_RANGE);
    AttestationData badSource =
        new AttestationData(
            good.slot(),
            SHARD,
            good.beaconBlockRoot(),
            new Checkpoint(Epoch.ZERO, Bytes32.repeat((byte) 1)),
            good.target(),
            Bytes32.ZERO);
    assertRejected(
        () -> chain.importBlock(blockWith(3, chain.operations().fullAttestation(view, badSource))),
        InvalidBlockReason.ATTESTATION_SOURCE_MISMATCH);
    Attestation empty =
        new Attestation(Bits.zeros(valid.aggregationBits().size()), good, valid.signature());
    assertRejected(
        () -> chain.importBlock(blockWith(3, empty)),
        InvalidBlockReason.ATTESTATION_NO_PARTICIPANTS);
  }

  @Test
  void shouldRejectBadAggregateSignatureWithBatchAndSimpleVerifiers() {
    BeaconState view = viewAt(3);
    AttestationData good = dataForSlot2(view);
    Attestation valid = chain.operations().fullAttestation(view, good);
    // Only the first member signed, but every bit is set.
    Attestation partial = chain.operations().attestation(view, good, i -> i == 0);
    Attestation forged = new Attestation(valid.aggregationBits(), good, partial.signature());
    SignedBeaconBlock block = chain.blocks().build(chain.head(), Slot.of(3), bodyWith(forged));
    for (BlsSignatureVerifier verifier :
        List.of(new BlsBatchVerifier(), BlsSignatureVerifier.simple())) {
      assertRejected(
          () -> chain.transition().stateTransition(chain.head(), block, verifier, true),
          InvalidBlockReason.ATTESTATION_SIGNATURE_INVALID);
    }
  }

  private static io.basalt.beacon.testing.BlockBuilder.Body bodyWith(Attestation attestation) {
    io.basalt.beacon.testing.BlockBuilder.Body body =
        new io.basalt.beacon.testing.BlockBuilder.Body();
    body.attestations.add(attestation);
    return body;
  }
}
