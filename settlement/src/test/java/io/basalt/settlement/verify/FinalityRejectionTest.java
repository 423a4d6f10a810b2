package io.basalt.settlement.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.settlement.ProofFixture;
import io.basalt.settlement.proof.AttestationEvidence;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidator;
import io.basalt.settlement.trust.TrustedValidatorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The FFG checks on real BLS signatures: 2/3 of the active stake, each validator once, only known
 * active validators, the attester domain of the trusted chain, the links the finality rules need,
 * and a fresh trusted set.
 */
class FinalityRejectionTest {

  static ProofFixture f;
  static final SettlementVerifier VERIFIER = new SettlementVerifier(ProofFixture.CONFIG);
  static final long C = ProofFixture.C_EPOCH;

  @BeforeAll
  static void build() {
    f = new ProofFixture();
  }

  private VerificationResult verify(FinalityProof proof) {
    return VERIFIER.verify(f.trusted(), f.claim(), f.commitment, proof);
  }

  private VerificationResult verify(TrustedValidatorSet set, FinalityProof proof) {
    return VERIFIER.verify(set, f.claim(), f.commitment, proof);
  }

  @Test
  void shouldAcceptTwoThirdsOfTheStakeAndRejectOneValidatorLess() {
    // 43 of 64 equal stakes is 67.2%; 42 is 65.6%.
    VerificationResult enough = verify(f.finality(i -> i < 43));
    assertThat(enough.isValid()).as(enough.toString()).isTrue();
    VerificationResult short1 = verify(f.finality(i -> i < 42));
    assertThat(short1.reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
  }

  @Test
  void shouldCountARepeatedValidatorOnce() {
    // Committees 0 and 1 (32 validators) each twice: 64 signatures, 32 distinct validators.
    List<AttestationEvidence> half = f.votes(f.checkpoint, ProofFixture.target(C + 1), i -> i < 32);
    List<AttestationEvidence> doubled = new ArrayList<>(half);
    doubled.addAll(half);
    FinalityProof proof =
        new FinalityProof(
            f.checkpoint, f.votes(f.source, f.checkpoint, i -> true), List.of(), doubled);
    assertThat(verify(proof).reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
  }

  @Test
  void shouldNotCountValidatorsInactiveAtTheTargetEpoch() {
    // Validators 0..9 exited at epoch 1 in the trusted set: 54 active; 43 signers, 33 of them
    // active, is 61% of the active stake.
    List<TrustedValidator> validators = new ArrayList<>(f.trusted().validators());
    for (int i = 0; i < 10; i++) {
      TrustedValidator v = validators.get(i);
      validators.set(
          i,
          new TrustedValidator(v.pubkey(), v.effectiveBalance(), v.activationEpoch(), Epoch.of(1)));
    }
    TrustedValidatorSet set =
        new TrustedValidatorSet(
            Epoch.ZERO, f.genesis.genesisValidatorsRoot(), f.genesis.fork(), validators);
    assertThat(verify(set, f.finality(i -> i < 43)).reason())
        .contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
    assertThat(verify(set, f.finality(i -> i < 50)).isValid()).isTrue();
  }

  @Test
  void shouldNotCountAttestationsWithValidatorsUnknownToTheTrustedSet() {
    // Committee 3 extended with index 1000: its attestation cannot be checked, so it is not
    // counted, and 48 of 64 counted signers become 0 from that committee.
    FinalityProof honest = f.finality(i -> true);
    List<AttestationEvidence> finalizing = new ArrayList<>(honest.finalizing().subList(0, 2));
    List<ValidatorIndex> committee =
        new ArrayList<>(IntStream.range(32, 64).mapToObj(ValidatorIndex::of).toList());
    committee.add(ValidatorIndex.of(1000));
    AttestationData data = honest.finalizing().get(2).data();
    finalizing.add(
        ProofFixture.attest(
            data,
            committee,
            i -> true,
            f.genesis.fork().currentVersion(),
            f.genesis.genesisValidatorsRoot()));
    FinalityProof proof =
        new FinalityProof(f.checkpoint, honest.justifying(), List.of(), finalizing);
    assertThat(verify(proof).reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
  }

  @Test
  void shouldRejectSignaturesUnderAnotherDomain() {
    FinalityProof honest = f.finality();
    AttestationEvidence first = honest.finalizing().get(0);
    AttestationEvidence otherFork =
        f.attest(
            first.data(),
            first.committee(),
            i -> true,
            new Bytes4(Bytes.fromHexString("0x0badf00d")));
    assertThat(verify(replaceFirstFinalizing(honest, otherFork)).reason())
        .contains(RejectionReason.INVALID_SIGNATURE);
    AttestationEvidence otherChain =
        ProofFixture.attest(
            first.data(),
            first.committee(),
            i -> true,
            f.genesis.fork().currentVersion(),
            Bytes32.repeat((byte) 0x77));
    assertThat(verify(replaceFirstFinalizing(honest, otherChain)).reason())
        .contains(RejectionReason.INVALID_SIGNATURE);
  }

  @Test
  void shouldRejectSignaturesOverOtherDataOrSigners() {
    FinalityProof honest = f.finality();
    AttestationEvidence first = honest.finalizing().get(0);
    AttestationEvidence otherSigners =
        new AttestationEvidence(
            first.data(),
            first.aggregationBits().with(0, false),
            first.signature(),
            first.committee());
    assertThat(verify(replaceFirstFinalizing(honest, otherSigners)).reason())
        .contains(RejectionReason.INVALID_SIGNATURE);
    AttestationEvidence garbage =
        new AttestationEvidence(
            first.data(), first.aggregationBits(), Bytes.wrap(new byte[95]), first.committee());
    assertThat(verify(replaceFirstFinalizing(honest, garbage)).reason())
        .contains(RejectionReason.MALFORMED);
  }

  @Test
  void shouldRejectAttestationsForAnotherLink() {
    // Votes C -> C+3 cannot finalize C; votes from another source do not count as the link.
    FinalityProof tooFar =
        new FinalityProof(
            f.checkpoint,
            f.votes(f.source, f.checkpoint, i -> true),
            List.of(),
            f.votes(f.checkpoint, ProofFixture.target(C + 3), i -> true));
    assertThat(verify(tooFar).reason()).contains(RejectionReason.WRONG_LINK);
    Checkpoint target = ProofFixture.target(C + 1);
    List<AttestationEvidence> mixed = new ArrayList<>(f.votes(f.checkpoint, target, i -> i < 32));
    mixed.addAll(f.votes(f.source, target, i -> i >= 32));
    FinalityProof otherSource =
        new FinalityProof(
            f.checkpoint, f.votes(f.source, f.checkpoint, i -> true), List.of(), mixed);
    assertThat(verify(otherSource).reason()).contains(RejectionReason.WRONG_LINK);
    FinalityProof unjustified =
        new FinalityProof(
            f.checkpoint,
            f.votes(f.source, ProofFixture.target(C), i -> true),
            List.of(),
            f.votes(f.checkpoint, target, i -> true));
    assertThat(verify(unjustified).reason()).contains(RejectionReason.WRONG_LINK);
    FinalityProof noVotes = new FinalityProof(f.checkpoint, List.of(), List.of(), List.of());
    assertThat(verify(noVotes).reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
  }

  @Test
  void shouldFinalizeThroughATwoEpochLinkOnlyWithTheMiddleEpochJustified() {
    Checkpoint middle = ProofFixture.target(C + 1);
    Checkpoint target = ProofFixture.target(C + 2);
    List<AttestationEvidence> justifying = f.votes(f.source, f.checkpoint, i -> true);
    List<AttestationEvidence> finalizing = f.votes(f.checkpoint, target, i -> true);
    FinalityProof twoEpochs =
        new FinalityProof(
            f.checkpoint, justifying, f.votes(f.checkpoint, middle, i -> true), finalizing);
    VerificationResult ok = verify(twoEpochs);
    assertThat(ok.isValid()).as(ok.toString()).isTrue();
    FinalityProof middleWeak =
        new FinalityProof(
            f.checkpoint, justifying, f.votes(f.checkpoint, middle, i -> i < 40), finalizing);
    assertThat(verify(middleWeak).reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
    FinalityProof middleMissing =
        new FinalityProof(f.checkpoint, justifying, List.of(), finalizing);
    assertThat(verify(middleMissing).reason()).contains(RejectionReason.INSUFFICIENT_PARTICIPATION);
  }

  @Test
  void shouldRejectAStaleOrTooNewTrustedSet() {
    SettlementVerifier strict = new SettlementVerifier(ProofFixture.CONFIG, 1);
    VerificationResult stale = strict.verify(f.trusted(), f.claim(), f.commitment, f.finality());
    assertThat(stale.reason()).contains(RejectionReason.STALE_VALIDATOR_SET);
    TrustedValidatorSet genesis = f.trusted();
    TrustedValidatorSet newer =
        new TrustedValidatorSet(
            Epoch.of(C + 1), genesis.genesisValidatorsRoot(), genesis.fork(), genesis.validators());
    assertThat(verify(newer, f.finality()).reason()).contains(RejectionReason.STALE_VALIDATOR_SET);
    assertThat(
            new SettlementVerifier(ProofFixture.CONFIG, 2)
                .verify(genesis, f.claim(), f.commitment, f.finality())
                .isValid())
        .isTrue();
  }

  @Test
  void shouldRejectAttestationsOutsideTheirTargetEpoch() {
    FinalityProof honest = f.finality();
    AttestationEvidence first = honest.finalizing().get(0);
    AttestationData d = first.data();
    AttestationData early =
        new AttestationData(
            Slot.of(1), d.shard(), d.beaconBlockRoot(), d.source(), d.target(), d.shardHeadRoot());
    AttestationEvidence moved =
        f.attest(early, first.committee(), i -> true, f.genesis.fork().currentVersion());
    assertThat(verify(replaceFirstFinalizing(honest, moved)).reason())
        .contains(RejectionReason.WRONG_LINK);
  }

  @Test
  void shouldRejectAggregationBitsOfTheWrongLength() {
    FinalityProof honest = f.finality();
    AttestationEvidence first = honest.finalizing().get(0);
    AttestationEvidence bad =
        new AttestationEvidence(
            first.data(),
            first.aggregationBits(),
            first.signature(),
            first.committee().subList(0, 15));
    assertThat(verify(replaceFirstFinalizing(honest, bad)).reason())
        .contains(RejectionReason.MALFORMED);
  }

  private static FinalityProof replaceFirstFinalizing(FinalityProof p, AttestationEvidence a) {
    List<AttestationEvidence> finalizing = new ArrayList<>(p.finalizing());
    finalizing.set(0, a);
    return new FinalityProof(p.checkpoint(), p.justifying(), p.intermediate(), finalizing);
  }
}
