package io.basalt.settlement.verify;

import static io.basalt.settlement.verify.ProofRejected.check;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.ssz.proof.GeneralizedIndices;
import io.basalt.common.ssz.proof.MerkleProofs;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.AccountProofVerifier;
import io.basalt.execution.trie.InvalidProofException;
import io.basalt.execution.trie.SecureTrie;
import io.basalt.execution.trie.TrieProofVerifier;
import io.basalt.settlement.proof.BatchSlots;
import io.basalt.settlement.proof.CommitmentProof;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The layers of a {@link CommitmentProof}, from the batch record up to the beacon block root. The
 * crosslink's generalized index is computed here from the config, never taken from the proof, so a
 * branch cannot point at another leaf of the state.
 */
final class CommitmentChecks {

  private final BeaconSchemas schemas;
  private final int shardCount;

  CommitmentChecks(SpecConfig config) {
    this.schemas = new BeaconSchemas(config);
    this.shardCount = config.shardCount();
  }

  /** Where {@code latestCrosslinks[shard]} sits in the beacon state tree. */
  long crosslinkGindex(int shard) {
    return GeneralizedIndices.forPath(schemas.beaconState(), "latestCrosslinks", (long) shard);
  }

  void verify(BatchClaim claim, CommitmentProof proof) throws ProofRejected {
    checkClaim(claim, proof);
    Bytes32 storageRoot = checkAccount(proof);
    checkStorage(proof, storageRoot);
    checkShardHeader(proof);
    checkCrosslinkBranch(proof);
    check(
        proof.beaconHeader().hashTreeRoot().equals(proof.checkpoint().root()),
        RejectionReason.CHECKPOINT_MISMATCH,
        "beacon header root "
            + proof.beaconHeader().hashTreeRoot()
            + " is not the checkpoint root "
            + proof.checkpoint().root());
  }

  private static void checkClaim(BatchClaim claim, CommitmentProof proof) throws ProofRejected {
    check(
        proof.shard().equals(claim.shard())
            && proof.rollupId() == claim.rollupId()
            && proof.batchIndex() == claim.batchIndex(),
        RejectionReason.WRONG_BATCH,
        "proof is of shard "
            + proof.shard()
            + " rollup "
            + proof.rollupId()
            + " batch "
            + proof.batchIndex()
            + ", expected "
            + claim);
    BatchRecord batch = proof.batch();
    check(
        batch.batchHash().equals(claim.batchHash()),
        RejectionReason.WRONG_BATCH,
        "recorded batch hash " + batch.batchHash() + " is not " + claim.batchHash());
    check(
        batch.header().batchHash(proof.rollupId(), proof.batchIndex()).equals(batch.batchHash()),
        RejectionReason.WRONG_BATCH,
        "recorded header does not hash to the recorded batch hash");
    check(!batch.reverted(), RejectionReason.BATCH_REVERTED, "the batch was reverted");
  }

  private static Bytes32 checkAccount(CommitmentProof proof) throws ProofRejected {
    Optional<Account> account;
    try {
      account =
          AccountProofVerifier.verify(
              proof.shardHeader().stateRoot(), SystemContracts.SETTLEMENT, proof.accountProof());
    } catch (InvalidProofException e) {
      throw new ProofRejected(RejectionReason.INVALID_ACCOUNT_PROOF, e.getMessage());
    }
    check(
        account.isPresent(),
        RejectionReason.INVALID_ACCOUNT_PROOF,
        "the proof shows no Settlement account in the shard state");
    return account.get().storageRoot();
  }

  private static void checkStorage(CommitmentProof proof, Bytes32 storageRoot)
      throws ProofRejected {
    List<Bytes32> keys = BatchSlots.keys(proof.rollupId(), proof.batchIndex());
    List<Bytes32> words = BatchSlots.words(proof.rollupId(), proof.batchIndex(), proof.batch());
    check(
        proof.storageProofs().size() == keys.size(),
        RejectionReason.MALFORMED,
        proof.storageProofs().size() + " storage proofs for " + keys.size() + " record words");
    for (int i = 0; i < keys.size(); i++) {
      Optional<Bytes> proven;
      try {
        proven =
            TrieProofVerifier.verify(
                storageRoot, SecureTrie.hashedKey(keys.get(i)), proof.storageProofs().get(i));
      } catch (InvalidProofException e) {
        throw new ProofRejected(
            RejectionReason.INVALID_STORAGE_PROOF, "record word " + i + ": " + e.getMessage());
      }
      Bytes32 word = words.get(i);
      Optional<Bytes> expected =
          word.isZero() ? Optional.empty() : Optional.of(Rlp.encode(word.trimLeadingZeros()));
      check(
          proven.equals(expected),
          RejectionReason.INVALID_STORAGE_PROOF,
          "record word " + i + " is not proven to be " + word);
    }
  }

  private static void checkShardHeader(CommitmentProof proof) throws ProofRejected {
    ShardBlockHeader header = proof.shardHeader();
    Crosslink crosslink = proof.crosslink();
    check(
        header.shard().equals(proof.shard()) && crosslink.shard().equals(proof.shard()),
        RejectionReason.SHARD_HEADER_MISMATCH,
        "header of shard " + header.shard() + ", crosslink of shard " + crosslink.shard());
    check(
        crosslink.shardBlockRoot().equals(header.hashTreeRoot()),
        RejectionReason.SHARD_HEADER_MISMATCH,
        "the crosslink names shard block " + crosslink.shardBlockRoot() + ", not this header");
    check(
        crosslink.stateRoot().equals(header.stateRoot()),
        RejectionReason.SHARD_HEADER_MISMATCH,
        "the crosslink's state root differs from the header's");
  }

  private void checkCrosslinkBranch(CommitmentProof proof) throws ProofRejected {
    int shard = proof.shard().id();
    check(
        shard >= 0 && shard < shardCount,
        RejectionReason.WRONG_BATCH,
        "shard " + shard + " does not exist");
    check(
        MerkleProofs.verify(
            proof.crosslink().hashTreeRoot(),
            proof.crosslinkBranch(),
            crosslinkGindex(shard),
            proof.beaconHeader().stateRoot()),
        RejectionReason.INVALID_CROSSLINK_BRANCH,
        "the crosslink branch does not lead to beacon state root "
            + proof.beaconHeader().stateRoot());
  }
}
