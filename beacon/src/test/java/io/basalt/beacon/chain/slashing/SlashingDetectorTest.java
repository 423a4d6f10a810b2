package io.basalt.beacon.chain.slashing;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.slashing.SlashingConditions;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SlashingDetectorTest {

  private static final Bytes SIGNATURE = Bytes.wrap(new byte[96]);

  private final List<ProposerSlashing> proposerSlashings = new ArrayList<>();
  private final List<AttesterSlashing> attesterSlashings = new ArrayList<>();
  private final SlashingDetector detector =
      new SlashingDetector(
          TestStates.genesis64().schemas(),
          new BeaconStateAccessors(TestStates.LOCAL),
          4,
          proposerSlashings::add,
          attesterSlashings::add);

  @Test
  void shouldReportTwoDifferentBlocksOfOneProposerAtOneSlotOnce() {
    SignedBeaconBlock first = block(5, 3, 1);
    SignedBeaconBlock second = block(5, 3, 2);

    assertThat(detector.onBlockHeader(first)).isEmpty();
    Optional<ProposerSlashing> found = detector.onBlockHeader(second);
    detector.onBlockHeader(block(5, 3, 3));

    assertThat(found).isPresent();
    assertThat(proposerSlashings).containsExactly(found.get());
    assertThat(found.get().signedHeader1().message().bodyRoot())
        .isNotEqualTo(found.get().signedHeader2().message().bodyRoot());
    assertThat(found.get().signedHeader2().message().proposerIndex())
        .isEqualTo(ValidatorIndex.of(3));
  }

  @Test
  void shouldNotReportTheSameBlockTwiceOrDifferentSlotsOrProposers() {
    detector.onBlockHeader(block(5, 3, 1));
    detector.onBlockHeader(block(5, 3, 1));
    detector.onBlockHeader(block(6, 3, 2));
    detector.onBlockHeader(block(5, 4, 2));

    assertThat(proposerSlashings).isEmpty();
  }

  @Test
  void shouldReportADoubleVoteForTheValidatorsInBoth() {
    IndexedAttestation first = attestation(List.of(1, 2, 3), data(0, 2, Bytes32.ZERO));
    IndexedAttestation second = attestation(List.of(3, 4), data(0, 2, Bytes32.repeat((byte) 9)));

    assertThat(detector.onIndexedAttestation(first)).isEmpty();
    List<AttesterSlashing> found = detector.onIndexedAttestation(second);

    assertThat(found).hasSize(1);
    assertThat(found.get(0).attestation1()).isEqualTo(first);
    assertThat(found.get(0).attestation2()).isEqualTo(second);
    assertThat(attesterSlashings).isEqualTo(found);
    // Seeing the same conflict again reports nothing new.
    assertThat(detector.onIndexedAttestation(second)).isEmpty();
  }

  @Test
  void shouldReportASurroundVoteInTheSpecOrder() {
    IndexedAttestation inner = attestation(List.of(7), data(2, 3, Bytes32.ZERO));
    IndexedAttestation outer = attestation(List.of(7), data(1, 4, Bytes32.ZERO));

    detector.onIndexedAttestation(inner);
    List<AttesterSlashing> found = detector.onIndexedAttestation(outer);

    assertThat(found).hasSize(1);
    assertThat(
            new SlashingConditions()
                .isSlashableAttestationData(
                    found.get(0).attestation1().data(), found.get(0).attestation2().data()))
        .isTrue();
    assertThat(found.get(0).attestation1()).isEqualTo(outer);
  }

  @Test
  void shouldNotReportConsistentVotesOrDisjointValidators() {
    detector.onIndexedAttestation(attestation(List.of(1), data(0, 1, Bytes32.ZERO)));
    detector.onIndexedAttestation(attestation(List.of(1), data(1, 2, Bytes32.ZERO)));
    detector.onIndexedAttestation(attestation(List.of(1), data(1, 2, Bytes32.ZERO)));
    detector.onIndexedAttestation(attestation(List.of(2), data(1, 2, Bytes32.repeat((byte) 1))));

    assertThat(attesterSlashings).isEmpty();
  }

  @Test
  void shouldForgetHistoryOlderThanTheWindow() {
    for (int epoch = 1; epoch <= 20; epoch++) {
      detector.onIndexedAttestation(
          attestation(List.of(1, 2), data(epoch - 1, epoch, Bytes32.ZERO)));
      detector.onBlockHeader(block(epoch * 8L, 1, 0));
      detector.prune(Slot.of(epoch * 8L));
    }
    // Window of 4 epochs: about 5 target epochs per validator and 5 epochs of headers.
    assertThat(detector.size()).isLessThanOrEqualTo(2 * 5 + 5);
    // A double vote on a forgotten epoch goes unnoticed; a recent one is still caught.
    assertThat(
            detector.onIndexedAttestation(
                attestation(List.of(1), data(1, 2, Bytes32.repeat((byte) 5)))))
        .isEmpty();
    assertThat(
            detector.onIndexedAttestation(
                attestation(List.of(1), data(19, 20, Bytes32.repeat((byte) 5)))))
        .hasSize(1);
  }

  private static SignedBeaconBlock block(long slot, long proposer, int graffiti) {
    BeaconBlockBody body = BeaconBlockBody.empty(SIGNATURE, Bytes32.repeat((byte) graffiti));
    return new SignedBeaconBlock(
        new BeaconBlock(
            Slot.of(slot), ValidatorIndex.of(proposer), Bytes32.ZERO, Bytes32.ZERO, body),
        SIGNATURE);
  }

  private static AttestationData data(long source, long target, Bytes32 shardHead) {
    return new AttestationData(
        Slot.of(target * 8),
        ShardId.of(0),
        Bytes32.repeat((byte) 2),
        new Checkpoint(Epoch.of(source), Bytes32.ZERO),
        new Checkpoint(Epoch.of(target), Bytes32.repeat((byte) 2)),
        shardHead);
  }

  private static IndexedAttestation attestation(List<Integer> indices, AttestationData data) {
    return new IndexedAttestation(
        indices.stream().map(i -> ValidatorIndex.of(i)).toList(), data, SIGNATURE);
  }
}
