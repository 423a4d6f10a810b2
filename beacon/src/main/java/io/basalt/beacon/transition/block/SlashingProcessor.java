package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.BeaconStateMutators;
import io.basalt.beacon.helpers.InvalidReason;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.InvalidBlockReason;
import io.basalt.beacon.transition.signatures.SignatureCheck;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Proposer and attester slashings (phase0 rules, Altair penalties via the mutators). */
final class SlashingProcessor {

  private final BeaconStateAccessors accessors;
  private final Predicates predicates;
  private final BeaconStateMutators mutators;
  private final SignatureSets signatureSets;

  SlashingProcessor(
      BeaconStateAccessors accessors,
      Predicates predicates,
      BeaconStateMutators mutators,
      SignatureSets signatureSets) {
    this.accessors = accessors;
    this.predicates = predicates;
    this.mutators = mutators;
    this.signatureSets = signatureSets;
  }

  // spec: process_proposer_slashing
  void processProposerSlashing(
      MutableBeaconState state, ProposerSlashing slashing, SignatureCheck signatures)
      throws BlockProcessingException {
    BeaconBlockHeader header1 = slashing.signedHeader1().message();
    BeaconBlockHeader header2 = slashing.signedHeader2().message();
    check(
        header1.slot().equals(header2.slot()),
        InvalidBlockReason.PROPOSER_SLASHING_SLOT_MISMATCH,
        "Headers are at slots " + header1.slot() + " and " + header2.slot());
    check(
        header1.proposerIndex().equals(header2.proposerIndex()),
        InvalidBlockReason.PROPOSER_SLASHING_PROPOSER_MISMATCH,
        "Headers name proposers " + header1.proposerIndex() + " and " + header2.proposerIndex());
    check(
        !header1.equals(header2),
        InvalidBlockReason.PROPOSER_SLASHING_SAME_HEADER,
        "Both headers are the same");
    ValidatorIndex proposer = header1.proposerIndex();
    BeaconState snapshot = state.snapshot();
    Validator validator = validator(snapshot, proposer);
    check(
        predicates.isSlashableValidator(validator, accessors.getCurrentEpoch(snapshot)),
        InvalidBlockReason.SLASHING_NOT_SLASHABLE,
        "Proposer " + proposer + " is not slashable");
    for (SignedBeaconBlockHeader header :
        List.of(slashing.signedHeader1(), slashing.signedHeader2())) {
      BlsSignatureSet set;
      try {
        set = signatureSets.blockHeader(snapshot, header);
      } catch (BlsException e) {
        throw new BlockProcessingException(
            InvalidBlockReason.PROPOSER_SLASHING_SIGNATURE_INVALID,
            "Header signature of proposer " + proposer + " is not a signature",
            e);
      }
      signatures.check(
          set,
          InvalidBlockReason.PROPOSER_SLASHING_SIGNATURE_INVALID,
          "Header signature of proposer " + proposer + " at slot " + header1.slot());
    }
    mutators.slashValidator(state, proposer, Optional.empty());
  }

  /** Slashes every slashable validator in both attestations; at least one must be. */
  // spec: process_attester_slashing
  void processAttesterSlashing(
      MutableBeaconState state, AttesterSlashing slashing, SignatureCheck signatures)
      throws BlockProcessingException {
    IndexedAttestation attestation1 = slashing.attestation1();
    IndexedAttestation attestation2 = slashing.attestation2();
    check(
        predicates.isSlashableAttestationData(attestation1.data(), attestation2.data()),
        InvalidBlockReason.ATTESTER_SLASHING_NOT_CONFLICTING,
        "The attestations are neither a double vote nor a surround vote");
    BeaconState snapshot = state.snapshot();
    checkIndexedAttestation(snapshot, attestation1, signatures);
    checkIndexedAttestation(snapshot, attestation2, signatures);

    Set<ValidatorIndex> second = new HashSet<>(attestation2.attestingIndices());
    Epoch epoch = accessors.getCurrentEpoch(snapshot);
    boolean slashedAny = false;
    // Indices are sorted (checked above), so the intersection is slashed in increasing order.
    for (ValidatorIndex index : attestation1.attestingIndices()) {
      if (second.contains(index)
          && predicates.isSlashableValidator(validator(state.snapshot(), index), epoch)) {
        mutators.slashValidator(state, index, Optional.empty());
        slashedAny = true;
      }
    }
    check(
        slashedAny,
        InvalidBlockReason.ATTESTER_SLASHING_NO_ONE_SLASHED,
        "No validator in both attestations is slashable");
  }

  private void checkIndexedAttestation(
      BeaconState state, IndexedAttestation attestation, SignatureCheck signatures)
      throws BlockProcessingException {
    Optional<InvalidReason> invalid =
        predicates.checkIndexedAttestationStructure(state, attestation);
    if (invalid.isPresent()) {
      throw new BlockProcessingException(
          InvalidBlockReason.INDEXED_ATTESTATION_INVALID, invalid.get().description());
    }
    BlsSignatureSet set;
    try {
      set = signatureSets.indexedAttestation(state, attestation);
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.INDEXED_ATTESTATION_SIGNATURE_INVALID,
          "Indexed attestation signature is not a signature",
          e);
    }
    signatures.check(
        set,
        InvalidBlockReason.INDEXED_ATTESTATION_SIGNATURE_INVALID,
        "Indexed attestation of " + attestation.attestingIndices().size() + " validators");
  }

  private static Validator validator(BeaconState state, ValidatorIndex index)
      throws BlockProcessingException {
    long size = state.validators().size();
    check(
        index.value().isLessThan(UInt64.valueOf(size)),
        InvalidBlockReason.VALIDATOR_UNKNOWN,
        "Validator " + index + " is not in the registry of " + size);
    return state.validators().get(index.intValue());
  }
}
