package io.basalt.beacon.transition;

import static io.basalt.beacon.transition.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestChain;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashingProcessingTest {

  private static final ValidatorIndex OFFENDER = ValidatorIndex.of(11);

  private final TestChain chain = new TestChain(TestStates.genesis64());

  @BeforeEach
  void oneBlock() throws Exception {
    chain.advance();
  }

  private ProposerSlashing proposerSlashing(ValidatorIndex proposer, byte body1, byte body2) {
    BeaconState state = chain.head();
    BeaconBlockHeader header1 =
        new BeaconBlockHeader(
            Slot.of(1), proposer, Bytes32.ZERO, Bytes32.ZERO, Bytes32.repeat(body1));
    BeaconBlockHeader header2 =
        new BeaconBlockHeader(
            Slot.of(1), proposer, Bytes32.ZERO, Bytes32.ZERO, Bytes32.repeat(body2));
    return new ProposerSlashing(
        chain.operations().signedHeader(state, header1),
        chain.operations().signedHeader(state, header2));
  }

  @Test
  void proposerSlashingOfTwoHeadersAtOneSlotSlashes() throws Exception {
    ProposerSlashing slashing = proposerSlashing(OFFENDER, (byte) 1, (byte) 2);
    BeaconState before = chain.head();
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(2), body -> body.proposerSlashings.add(slashing)));
    Validator slashed = after.validators().get(OFFENDER.intValue());
    assertThat(slashed.slashed()).isTrue();
    assertThat(slashed.exitEpoch()).isNotEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(after.balances().get(OFFENDER.intValue()))
        .isLessThan(before.balances().get(OFFENDER.intValue()));

    // The same evidence again: the proposer is slashed already.
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(3), body -> body.proposerSlashings.add(slashing))),
        InvalidBlockReason.SLASHING_NOT_SLASHABLE);
  }

  @Test
  void shouldRejectInvalidProposerSlashings() {
    ProposerSlashing same = proposerSlashing(OFFENDER, (byte) 1, (byte) 1);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(2), body -> body.proposerSlashings.add(same))),
        InvalidBlockReason.PROPOSER_SLASHING_SAME_HEADER);

    ProposerSlashing valid = proposerSlashing(OFFENDER, (byte) 1, (byte) 2);
    SignedBeaconBlockHeader otherSlot =
        chain
            .operations()
            .signedHeader(
                chain.head(),
                new BeaconBlockHeader(
                    Slot.of(0), OFFENDER, Bytes32.ZERO, Bytes32.ZERO, Bytes32.repeat((byte) 2)));
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2),
                    body ->
                        body.proposerSlashings.add(
                            new ProposerSlashing(valid.signedHeader1(), otherSlot)))),
        InvalidBlockReason.PROPOSER_SLASHING_SLOT_MISMATCH);

    SignedBeaconBlockHeader badSignature =
        new SignedBeaconBlockHeader(
            valid.signedHeader2().message(), valid.signedHeader1().signature());
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2),
                    body ->
                        body.proposerSlashings.add(
                            new ProposerSlashing(valid.signedHeader1(), badSignature)))),
        InvalidBlockReason.PROPOSER_SLASHING_SIGNATURE_INVALID);

    ProposerSlashing unknown = proposerSlashing(ValidatorIndex.of(5000), (byte) 1, (byte) 2);
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(2), body -> body.proposerSlashings.add(unknown))),
        InvalidBlockReason.VALIDATOR_UNKNOWN);
  }

  private AttestationData data(long sourceEpoch, long targetEpoch, byte head) {
    return new AttestationData(
        Slot.of(targetEpoch * 8),
        ShardId.of(0),
        Bytes32.repeat(head),
        new Checkpoint(Epoch.of(sourceEpoch), Bytes32.ZERO),
        new Checkpoint(Epoch.of(targetEpoch), Bytes32.ZERO),
        Bytes32.ZERO);
  }

  private AttesterSlashing attesterSlashing(AttestationData data1, AttestationData data2) {
    BeaconState state = chain.head();
    IndexedAttestation first =
        chain.operations().indexedAttestation(state, data1, indices(3, 5, 7));
    IndexedAttestation second =
        chain.operations().indexedAttestation(state, data2, indices(5, 7, 9));
    return new AttesterSlashing(first, second);
  }

  private static List<ValidatorIndex> indices(int... values) {
    return java.util.Arrays.stream(values).mapToObj(ValidatorIndex::of).toList();
  }

  private void assertOnlyIntersectionSlashed(BeaconState state) {
    for (int index : new int[] {5, 7}) {
      assertThat(state.validators().get(index).slashed()).as("validator " + index).isTrue();
    }
    for (int index : new int[] {3, 9}) {
      assertThat(state.validators().get(index).slashed()).as("validator " + index).isFalse();
    }
  }

  @Test
  void attesterSlashingForDoubleVoteSlashesTheIntersection() throws Exception {
    AttesterSlashing slashing = attesterSlashing(data(0, 1, (byte) 1), data(0, 1, (byte) 2));
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(2), body -> body.attesterSlashings.add(slashing)));
    assertOnlyIntersectionSlashed(after);
  }

  @Test
  void attesterSlashingForSurroundVoteSlashesTheIntersection() throws Exception {
    AttesterSlashing slashing = attesterSlashing(data(0, 3, (byte) 1), data(1, 2, (byte) 1));
    BeaconState after =
        chain.importBlock(chain.produce(Slot.of(2), body -> body.attesterSlashings.add(slashing)));
    assertOnlyIntersectionSlashed(after);

    // Again: everyone in the intersection is slashed already.
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(Slot.of(3), body -> body.attesterSlashings.add(slashing))),
        InvalidBlockReason.ATTESTER_SLASHING_NO_ONE_SLASHED);
  }

  @Test
  void shouldRejectInvalidAttesterSlashings() {
    AttesterSlashing notConflicting = attesterSlashing(data(0, 1, (byte) 1), data(0, 2, (byte) 1));
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2), body -> body.attesterSlashings.add(notConflicting))),
        InvalidBlockReason.ATTESTER_SLASHING_NOT_CONFLICTING);

    AttesterSlashing valid = attesterSlashing(data(0, 1, (byte) 1), data(0, 1, (byte) 2));
    IndexedAttestation unsorted =
        new IndexedAttestation(
            indices(7, 5), valid.attestation1().data(), valid.attestation1().signature());
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2),
                    body ->
                        body.attesterSlashings.add(
                            new AttesterSlashing(unsorted, valid.attestation2())))),
        InvalidBlockReason.INDEXED_ATTESTATION_INVALID);

    IndexedAttestation badSignature =
        new IndexedAttestation(
            valid.attestation1().attestingIndices(),
            valid.attestation1().data(),
            valid.attestation2().signature());
    assertRejected(
        () ->
            chain.importBlock(
                chain.produceUnchecked(
                    Slot.of(2),
                    body ->
                        body.attesterSlashings.add(
                            new AttesterSlashing(badSignature, valid.attestation2())))),
        InvalidBlockReason.INDEXED_ATTESTATION_SIGNATURE_INVALID);
  }
}
