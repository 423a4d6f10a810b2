package io.basalt.settlement.verify;

import static io.basalt.settlement.verify.ProofRejected.check;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.settlement.proof.AttestationEvidence;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidator;
import io.basalt.settlement.trust.TrustedValidatorSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The FFG checks of a {@link FinalityProof}: each needed link is voted by at least 2/3 of the stake
 * active at its target epoch, counting each validator once, only validators of the trusted set
 * active at that epoch, and only attestations whose aggregate signature verifies under {@code
 * DOMAIN_BEACON_ATTESTER} at the target epoch.
 */
final class FinalityChecks {

  private final SpecConfig config;
  private final SigningHelpers signing = new SigningHelpers();

  FinalityChecks(SpecConfig config) {
    this.config = config;
  }

  void verify(TrustedValidatorSet set, FinalityProof proof) throws ProofRejected {
    Checkpoint c = proof.checkpoint();
    check(
        !proof.finalizing().isEmpty(),
        RejectionReason.INSUFFICIENT_PARTICIPATION,
        "no finalizing attestations");
    Checkpoint target = proof.finalizing().get(0).data().target();
    long distance = target.epoch().value().bits() - c.epoch().value().bits();
    check(
        distance == 1 || distance == 2,
        RejectionReason.WRONG_LINK,
        "finalizing target epoch " + target.epoch() + " is not one or two after " + c.epoch());
    supermajority(set, "justification of " + c, c, proof.justifying(), d -> d.target().equals(c));
    if (distance == 2) {
      check(
          !proof.intermediate().isEmpty(),
          RejectionReason.INSUFFICIENT_PARTICIPATION,
          "no attestations justify epoch " + c.epoch().increment());
      Checkpoint middle = proof.intermediate().get(0).data().target();
      check(
          middle.epoch().equals(c.epoch().increment()),
          RejectionReason.WRONG_LINK,
          "intermediate target " + middle + " is not of epoch " + c.epoch().increment());
      supermajority(
          set,
          "justification of " + middle,
          middle,
          proof.intermediate(),
          d -> d.target().equals(middle));
    } else {
      check(
          proof.intermediate().isEmpty(),
          RejectionReason.WRONG_LINK,
          "intermediate attestations given for a link of one epoch");
    }
    supermajority(
        set,
        "link " + c + " -> " + target,
        target,
        proof.finalizing(),
        d -> d.source().equals(c) && d.target().equals(target));
  }

  /** At least 2/3 of the stake active at {@code target}'s epoch signed data {@code votes}. */
  private void supermajority(
      TrustedValidatorSet set,
      String what,
      Checkpoint target,
      List<AttestationEvidence> attestations,
      Predicate<AttestationData> votes)
      throws ProofRejected {
    Epoch epoch = target.epoch();
    Set<ValidatorIndex> counted = new HashSet<>();
    long attesting = 0;
    for (AttestationEvidence a : attestations) {
      check(
          votes.test(a.data()),
          RejectionReason.WRONG_LINK,
          what + ": an attestation votes " + a.data().source() + " -> " + a.data().target());
      check(
          a.data().slot().value().bits() / config.slotsPerEpoch() == epoch.value().bits(),
          RejectionReason.WRONG_LINK,
          what + ": attestation slot " + a.data().slot() + " is outside its target epoch");
      Optional<List<ValidatorIndex>> signers = verifiedSigners(set, a, what);
      if (signers.isEmpty()) {
        continue;
      }
      for (ValidatorIndex signer : signers.get()) {
        TrustedValidator v = set.get(signer).orElseThrow();
        if (v.isActiveAt(epoch) && counted.add(signer)) {
          attesting = Math.addExact(attesting, v.effectiveBalance().value().longValue());
        }
      }
    }
    long total = set.totalActiveBalance(epoch);
    check(
        total > 0 && Math.multiplyExact(attesting, 3) >= Math.multiplyExact(total, 2),
        RejectionReason.INSUFFICIENT_PARTICIPATION,
        what + ": " + attesting + " of " + total + " Gwei active stake voted, below 2/3");
  }

  /**
   * The signers of {@code a} after its signature is verified; empty (not counted) if one of them is
   * unknown to the trusted set, whose key it then cannot check.
   */
  private Optional<List<ValidatorIndex>> verifiedSigners(
      TrustedValidatorSet set, AttestationEvidence a, String what) throws ProofRejected {
    List<ValidatorIndex> committee = a.committee();
    check(
        a.aggregationBits().size() == committee.size() && !committee.isEmpty(),
        RejectionReason.MALFORMED,
        what
            + ": "
            + a.aggregationBits().size()
            + " aggregation bits for a committee of "
            + committee.size());
    check(
        new HashSet<>(committee).size() == committee.size(),
        RejectionReason.MALFORMED,
        what + ": a committee lists a validator twice");
    List<ValidatorIndex> signers = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      if (a.aggregationBits().get(i)) {
        signers.add(committee.get(i));
      }
    }
    check(!signers.isEmpty(), RejectionReason.MALFORMED, what + ": an attestation has no signer");
    if (signers.stream().anyMatch(s -> set.get(s).isEmpty())) {
      return Optional.empty();
    }
    List<BlsPublicKey> keys = new ArrayList<>(signers.size());
    BlsSignature signature;
    try {
      for (ValidatorIndex signer : signers) {
        keys.add(set.publicKey(signer));
      }
      signature = BlsSignature.fromBytes(a.signature());
    } catch (BlsException e) {
      throw new ProofRejected(RejectionReason.MALFORMED, what + ": " + e.getMessage());
    }
    Epoch epoch = a.data().target().epoch();
    var domain =
        signing.computeDomain(
            config.domainBeaconAttester(),
            set.fork().versionAt(epoch),
            set.genesisValidatorsRoot());
    var root = signing.computeSigningRoot(a.data().hashTreeRoot(), domain);
    check(
        Bls.fastAggregateVerify(keys, root, signature),
        RejectionReason.INVALID_SIGNATURE,
        what + ": the aggregate signature of attestation at slot " + a.data().slot() + " fails");
    return Optional.of(signers);
  }
}
