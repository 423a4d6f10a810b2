package io.basalt.beacon.transition.block;

import static io.basalt.beacon.transition.BlockProcessingException.check;

import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.BeaconStateMutators;
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
import io.basalt.consensus.config.SpecConfig;

/** Voluntary exits, as phase0. */
final class ExitProcessor {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final Predicates predicates;
  private final BeaconStateMutators mutators;
  private final SignatureSets signatureSets;

  ExitProcessor(
      SpecConfig config,
      BeaconStateAccessors accessors,
      Predicates predicates,
      BeaconStateMutators mutators,
      SignatureSets signatureSets) {
    this.config = config;
    this.accessors = accessors;
    this.predicates = predicates;
    this.mutators = mutators;
    this.signatureSets = signatureSets;
  }

  // spec: process_voluntary_exit
  void processVoluntaryExit(
      MutableBeaconState state, SignedVoluntaryExit signedExit, SignatureCheck signatures)
      throws BlockProcessingException {
    VoluntaryExit exit = signedExit.message();
    BeaconState snapshot = state.snapshot();
    long size = snapshot.validators().size();
    check(
        exit.validatorIndex().value().isLessThan(UInt64.valueOf(size)),
        InvalidBlockReason.VALIDATOR_UNKNOWN,
        "Exiting validator " + exit.validatorIndex() + " is not in the registry of " + size);
    Validator validator = snapshot.validators().get(exit.validatorIndex().intValue());
    Epoch current = accessors.getCurrentEpoch(snapshot);
    check(
        predicates.isActiveValidator(validator, current),
        InvalidBlockReason.EXIT_NOT_ACTIVE,
        "Validator " + exit.validatorIndex() + " is not active at epoch " + current);
    check(
        validator.exitEpoch().equals(Validator.FAR_FUTURE_EPOCH),
        InvalidBlockReason.EXIT_ALREADY_INITIATED,
        "Validator " + exit.validatorIndex() + " already exits at " + validator.exitEpoch());
    check(
        !exit.epoch().isAfter(current),
        InvalidBlockReason.EXIT_EPOCH_IN_FUTURE,
        "Exit is valid from epoch " + exit.epoch() + ", current epoch is " + current);
    Epoch allowed =
        validator.activationEpoch().plus(config.shardCommitteePeriod().value().longValue());
    check(
        !current.isBefore(allowed),
        InvalidBlockReason.EXIT_TOO_EARLY,
        "Validator "
            + exit.validatorIndex()
            + " may exit from epoch "
            + allowed
            + ", not "
            + current);
    BlsSignatureSet set;
    try {
      set = signatureSets.voluntaryExit(snapshot, signedExit);
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.EXIT_SIGNATURE_INVALID, "Exit signature is not a signature", e);
    }
    signatures.check(
        set,
        InvalidBlockReason.EXIT_SIGNATURE_INVALID,
        "Exit of validator " + exit.validatorIndex());
    mutators.initiateValidatorExit(state, exit.validatorIndex());
  }
}
