package io.basalt.settlement.verify;

import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidatorSet;
import java.util.Objects;

/**
 * Verifies that a settlement batch is recorded in a finalized L1 state: a {@link CommitmentProof}
 * from the batch record to a beacon block root, and a {@link FinalityProof} that this root is a
 * finalized checkpoint, against a {@link TrustedValidatorSet}. Never throws on bad proof data:
 * every failure is a {@link VerificationResult} with a {@link RejectionReason}.
 *
 * <p>Staleness: the checkpoint's epoch E must satisfy {@code set.epoch <= E <= set.epoch +
 * maxEpochsAhead} (see {@link TrustedValidatorSet}). Stateless and thread-safe.
 */
public final class SettlementVerifier {

  /**
   * The default bound on how far past its own epoch a trusted set is used: 256 epochs, about 27
   * hours of mainnet 12-second slots and 32-slot epochs, well inside the time it takes the
   * validator churn limit to replace a third of a large registry.
   */
  public static final long DEFAULT_MAX_EPOCHS_AHEAD = 256;

  private final CommitmentChecks commitment;
  private final FinalityChecks finality;
  private final long maxEpochsAhead;

  public SettlementVerifier(SpecConfig config) {
    this(config, DEFAULT_MAX_EPOCHS_AHEAD);
  }

  public SettlementVerifier(SpecConfig config, long maxEpochsAhead) {
    Objects.requireNonNull(config, "config");
    if (maxEpochsAhead < 0) {
      throw new IllegalArgumentException("maxEpochsAhead is negative: " + maxEpochsAhead);
    }
    this.commitment = new CommitmentChecks(config);
    this.finality = new FinalityChecks(config);
    this.maxEpochsAhead = maxEpochsAhead;
  }

  /** Verifies both proofs end to end for {@code claim}. */
  public VerificationResult verify(
      TrustedValidatorSet trusted,
      BatchClaim claim,
      CommitmentProof commitmentProof,
      FinalityProof finalityProof) {
    try {
      if (!commitmentProof.checkpoint().equals(finalityProof.checkpoint())) {
        return VerificationResult.reject(
            RejectionReason.CHECKPOINT_MISMATCH,
            "the commitment proof is against "
                + commitmentProof.checkpoint()
                + ", the finality proof for "
                + finalityProof.checkpoint());
      }
      commitment.verify(claim, commitmentProof);
      return verifyFinality(trusted, finalityProof);
    } catch (ProofRejected e) {
      return VerificationResult.reject(e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      // Data no check anticipated (overflowing numbers, undecodable values): bad data, not a bug
      // of the caller, so it is a rejection too.
      return VerificationResult.reject(RejectionReason.MALFORMED, String.valueOf(e.getMessage()));
    }
  }

  /** Verifies only that {@code proof}'s checkpoint is finalized, against {@code trusted}. */
  public VerificationResult verifyFinality(TrustedValidatorSet trusted, FinalityProof proof) {
    try {
      checkFresh(trusted, proof.checkpoint().epoch());
      finality.verify(trusted, proof);
      return VerificationResult.valid();
    } catch (ProofRejected e) {
      return VerificationResult.reject(e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      return VerificationResult.reject(RejectionReason.MALFORMED, String.valueOf(e.getMessage()));
    }
  }

  private void checkFresh(TrustedValidatorSet trusted, Epoch checkpoint) throws ProofRejected {
    long setEpoch = trusted.epoch().value().longValue();
    long at = checkpoint.value().longValue();
    ProofRejected.check(
        at >= setEpoch,
        RejectionReason.STALE_VALIDATOR_SET,
        "the trusted set (epoch " + setEpoch + ") is newer than checkpoint epoch " + at);
    ProofRejected.check(
        at - setEpoch <= maxEpochsAhead,
        RejectionReason.STALE_VALIDATOR_SET,
        "checkpoint epoch "
            + at
            + " is more than "
            + maxEpochsAhead
            + " epochs after the trusted set (epoch "
            + setEpoch
            + ")");
  }
}
