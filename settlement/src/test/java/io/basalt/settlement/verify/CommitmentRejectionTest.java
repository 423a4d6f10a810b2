package io.basalt.settlement.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.settlement.ProofFixture;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every layer of a commitment proof is checked: a forgery at any of them is refused. */
class CommitmentRejectionTest {

  static ProofFixture f;
  static FinalityProof finality;
  static final SettlementVerifier VERIFIER = new SettlementVerifier(ProofFixture.CONFIG);

  @BeforeAll
  static void build() {
    f = new ProofFixture();
    finality = f.finality();
  }

  private VerificationResult verify(CommitmentProof p) {
    return VERIFIER.verify(f.trusted(), f.claim(), p, finality);
  }

  private VerificationResult verify(BatchClaim claim, CommitmentProof p) {
    return VERIFIER.verify(f.trusted(), claim, p, finality);
  }

  private static CommitmentProof with(
      CommitmentProof p,
      BatchRecord batch,
      List<Bytes> account,
      List<List<Bytes>> storage,
      ShardBlockHeader shardHeader,
      Crosslink crosslink,
      List<Bytes32> branch,
      BeaconBlockHeader beaconHeader,
      Checkpoint checkpoint) {
    return new CommitmentProof(
        p.shard(),
        p.rollupId(),
        p.batchIndex(),
        batch,
        account,
        storage,
        shardHeader,
        crosslink,
        branch,
        beaconHeader,
        checkpoint);
  }

  private static CommitmentProof withBatch(CommitmentProof p, BatchRecord batch) {
    return with(
        p,
        batch,
        p.accountProof(),
        p.storageProofs(),
        p.shardHeader(),
        p.crosslink(),
        p.crosslinkBranch(),
        p.beaconHeader(),
        p.checkpoint());
  }

  private static Bytes flipLastByte(Bytes b) {
    byte[] copy = b.toArray();
    copy[copy.length - 1] ^= 1;
    return Bytes.wrap(copy);
  }

  @Test
  void shouldAcceptTheUntamperedProof() {
    assertThat(verify(f.commitment))
        .satisfies(r -> assertThat(r.isValid()).as(r.toString()).isTrue());
  }

  @Test
  void shouldRejectAClaimForAnotherBatch() {
    BatchClaim other =
        new BatchClaim(
            ProofFixture.SHARD, ProofFixture.ROLLUP, ProofFixture.INDEX + 1, f.record.batchHash());
    assertThat(verify(other, f.commitment).reason()).contains(RejectionReason.WRONG_BATCH);
    BatchClaim wrongHash =
        new BatchClaim(
            ProofFixture.SHARD, ProofFixture.ROLLUP, ProofFixture.INDEX, Bytes32.repeat((byte) 7));
    assertThat(verify(wrongHash, f.commitment).reason()).contains(RejectionReason.WRONG_BATCH);
    BatchClaim otherShard =
        new BatchClaim(
            ShardId.of(0), ProofFixture.ROLLUP, ProofFixture.INDEX, f.record.batchHash());
    assertThat(verify(otherShard, f.commitment).reason()).contains(RejectionReason.WRONG_BATCH);
  }

  @Test
  void shouldRejectARecordWhoseWordsTheStorageDoesNotHold() {
    BatchHeader h = f.record.header();
    BatchHeader forged =
        new BatchHeader(
            h.parentBatchHash(),
            h.l2StartBlock(),
            h.l2EndBlock() + 1,
            h.stateRoot(),
            h.withdrawalsRoot(),
            h.dataHash());
    Bytes32 forgedHash = forged.batchHash(ProofFixture.ROLLUP, ProofFixture.INDEX);
    BatchRecord record = new BatchRecord(forgedHash, forged, f.record.commitSlot(), false);
    BatchClaim claim =
        new BatchClaim(ProofFixture.SHARD, ProofFixture.ROLLUP, ProofFixture.INDEX, forgedHash);
    VerificationResult result = verify(claim, withBatch(f.commitment, record));
    assertThat(result.reason()).contains(RejectionReason.INVALID_STORAGE_PROOF);
  }

  @Test
  void shouldRejectARecordClaimingNotRevertedWhenItIs() {
    ProofFixture reverted = new ProofFixture(true);
    // The checkpoint differs from the fixture's, so the finality proof is built for it.
    VerificationResult asStored =
        VERIFIER.verify(
            reverted.trusted(), reverted.claim(), reverted.commitment, reverted.finality());
    assertThat(asStored.reason()).contains(RejectionReason.BATCH_REVERTED);
    BatchRecord notReverted =
        new BatchRecord(
            reverted.record.batchHash(),
            reverted.record.header(),
            reverted.record.commitSlot(),
            false);
    VerificationResult lie =
        VERIFIER.verify(
            reverted.trusted(),
            reverted.claim(),
            withBatch(reverted.commitment, notReverted),
            reverted.finality());
    assertThat(lie.reason()).contains(RejectionReason.INVALID_STORAGE_PROOF);
  }

  @Test
  void shouldRejectATamperedStorageProof() {
    CommitmentProof p = f.commitment;
    List<List<Bytes>> storage = new ArrayList<>(p.storageProofs());
    List<Bytes> first = new ArrayList<>(storage.get(0));
    first.set(first.size() - 1, flipLastByte(first.get(first.size() - 1)));
    storage.set(0, first);
    CommitmentProof forged =
        with(
            p,
            p.batch(),
            p.accountProof(),
            storage,
            p.shardHeader(),
            p.crosslink(),
            p.crosslinkBranch(),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(forged).reason()).contains(RejectionReason.INVALID_STORAGE_PROOF);
    CommitmentProof missing =
        with(
            p,
            p.batch(),
            p.accountProof(),
            storage.subList(0, 8),
            p.shardHeader(),
            p.crosslink(),
            p.crosslinkBranch(),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(missing).reason()).contains(RejectionReason.MALFORMED);
  }

  @Test
  void shouldRejectATamperedAccountProof() {
    CommitmentProof p = f.commitment;
    List<Bytes> account = new ArrayList<>(p.accountProof());
    account.set(0, flipLastByte(account.get(0)));
    CommitmentProof forged =
        with(
            p,
            p.batch(),
            account,
            p.storageProofs(),
            p.shardHeader(),
            p.crosslink(),
            p.crosslinkBranch(),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(forged).reason()).contains(RejectionReason.INVALID_ACCOUNT_PROOF);
  }

  @Test
  void shouldRejectAShardHeaderTheCrosslinkDoesNotName() {
    CommitmentProof p = f.commitment;
    ShardBlockHeader h = p.shardHeader();
    ShardBlockHeader forged =
        new ShardBlockHeader(
            h.shard(),
            h.slot(),
            h.proposerIndex(),
            h.parentRoot(),
            h.beaconBlockRoot(),
            h.stateRoot(),
            h.transactionsRoot(),
            h.receiptsRoot(),
            h.incomingReceiptsRoot(),
            h.gasUsed().plus(UInt64.ONE),
            h.gasLimit(),
            h.baseFee(),
            h.feeRecipient());
    CommitmentProof proof =
        with(
            p,
            p.batch(),
            p.accountProof(),
            p.storageProofs(),
            forged,
            p.crosslink(),
            p.crosslinkBranch(),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(proof).reason()).contains(RejectionReason.SHARD_HEADER_MISMATCH);
  }

  @Test
  void shouldRejectACrosslinkNotInTheBeaconState() {
    CommitmentProof p = f.commitment;
    ShardBlockHeader h = p.shardHeader();
    // A self-consistent crosslink for the same header at another slot: not the state's leaf.
    Crosslink other =
        new Crosslink(
            h.shard(), h.slot().increment(), h.hashTreeRoot(), h.stateRoot(), h.receiptsRoot());
    CommitmentProof forgedLeaf =
        with(
            p,
            p.batch(),
            p.accountProof(),
            p.storageProofs(),
            h,
            other,
            p.crosslinkBranch(),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(forgedLeaf).reason()).contains(RejectionReason.INVALID_CROSSLINK_BRANCH);
    List<Bytes32> branch = new ArrayList<>(p.crosslinkBranch());
    branch.set(3, Bytes32.repeat((byte) 0x55));
    CommitmentProof forgedBranch =
        with(
            p,
            p.batch(),
            p.accountProof(),
            p.storageProofs(),
            h,
            p.crosslink(),
            branch,
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(forgedBranch).reason()).contains(RejectionReason.INVALID_CROSSLINK_BRANCH);
    CommitmentProof shortBranch =
        with(
            p,
            p.batch(),
            p.accountProof(),
            p.storageProofs(),
            h,
            p.crosslink(),
            branch.subList(1, branch.size()),
            p.beaconHeader(),
            p.checkpoint());
    assertThat(verify(shortBranch).reason()).contains(RejectionReason.INVALID_CROSSLINK_BRANCH);
  }

  @Test
  void shouldRejectABeaconHeaderThatIsNotTheCheckpoint() {
    CommitmentProof p = f.commitment;
    BeaconBlockHeader b = p.beaconHeader();
    BeaconBlockHeader forged =
        new BeaconBlockHeader(
            b.slot(), b.proposerIndex(), b.parentRoot(), b.stateRoot(), Bytes32.repeat((byte) 1));
    CommitmentProof proof =
        with(
            p,
            p.batch(),
            p.accountProof(),
            p.storageProofs(),
            p.shardHeader(),
            p.crosslink(),
            p.crosslinkBranch(),
            forged,
            p.checkpoint());
    assertThat(verify(proof).reason()).contains(RejectionReason.CHECKPOINT_MISMATCH);
  }

  @Test
  void shouldRejectProofsOfDifferentCheckpoints() {
    FinalityProof otherCheckpoint =
        new FinalityProof(
            ProofFixture.target(ProofFixture.C_EPOCH),
            finality.justifying(),
            finality.intermediate(),
            finality.finalizing());
    VerificationResult result =
        VERIFIER.verify(f.trusted(), f.claim(), f.commitment, otherCheckpoint);
    assertThat(result.reason()).contains(RejectionReason.CHECKPOINT_MISMATCH);
  }
}
