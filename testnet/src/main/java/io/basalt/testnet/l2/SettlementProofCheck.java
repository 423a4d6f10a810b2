package io.basalt.testnet.l2;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.genesis.GenesisException;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.node.genesis.NodeGenesis;
import io.basalt.settlement.json.ProofFormatException;
import io.basalt.settlement.json.SettlementProofJson;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidatorSet;
import io.basalt.settlement.verify.BatchClaim;
import io.basalt.settlement.verify.SettlementVerifier;
import io.basalt.settlement.verify.VerificationResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Checks, without trusting the node, that a batch is recorded in a finalized Layer-1 state: fetches
 * {@code settle_getCommitmentProof} and the {@code settle_getFinalityProof} of its checkpoint and
 * verifies both with the {@code settlement} library against a validator set the L2 trusts (here the
 * testnet's genesis).
 */
public final class SettlementProofCheck {

  private final L1Client l1;
  private final SettlementVerifier verifier;
  private final TrustedValidatorSet trusted;

  public SettlementProofCheck(L1Client l1, SpecConfig config, TrustedValidatorSet trusted) {
    this.l1 = l1;
    this.verifier = new SettlementVerifier(config);
    this.trusted = trusted;
  }

  /** Trusting the validator set of the genesis written in {@code genesisDir}. */
  public static SettlementProofCheck fromGenesis(L1Client l1, Path genesisDir) throws L2Exception {
    try {
      NodeGenesis genesis = GenesisFiles.read(genesisDir);
      return new SettlementProofCheck(
          l1, genesis.config(), TrustedValidatorSet.fromState(genesis.state()));
    } catch (GenesisException e) {
      throw new L2Exception("cannot read the trusted genesis: " + e.getMessage(), e);
    }
  }

  /**
   * Verifies that batch {@code index} of {@code rollupId} with {@code batchHash} is in a finalized
   * state; returns the checkpoint it was proven against.
   *
   * @throws L2Exception if a proof cannot be fetched or does not verify (with the reason)
   */
  public String verify(long rollupId, long index, Bytes32 batchHash) throws L2Exception {
    try {
      CommitmentProof commitment =
          SettlementProofJson.commitmentProof(
              l1.request("settle_getCommitmentProof", List.of(hex(rollupId), hex(index))));
      long epoch = commitment.checkpoint().epoch().value().longValue();
      JsonNode finalityJson = l1.request("settle_getFinalityProof", List.of(hex(epoch)));
      FinalityProof finality = SettlementProofJson.finalityProof(finalityJson);
      VerificationResult result =
          verifier.verify(
              trusted,
              new BatchClaim(ShardId.of(0), rollupId, index, batchHash),
              commitment,
              finality);
      if (!result.isValid()) {
        throw new L2Exception("settlement proof of batch " + index + " rejected: " + result);
      }
      return "epoch " + epoch + " checkpoint " + commitment.checkpoint().root();
    } catch (ProofFormatException e) {
      throw new L2Exception("malformed settlement proof: " + e.getMessage(), e);
    }
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
