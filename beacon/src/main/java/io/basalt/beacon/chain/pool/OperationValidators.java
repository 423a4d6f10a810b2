package io.basalt.beacon.chain.pool;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.InvalidReason;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state checks of {@code process_proposer_slashing}, {@code process_attester_slashing} and
 * {@code process_voluntary_exit} without their signatures, for packing pooled operations: an
 * operation that fails them would make the produced block invalid. Thread-safe.
 */
public final class OperationValidators {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final Predicates predicates;

  public OperationValidators(
      SpecConfig config, BeaconStateAccessors accessors, Predicates predicates) {
    this.config = config;
    this.accessors = accessors;
    this.predicates = predicates;
  }

  /** A pool of proposer slashings, one per proposer. */
  public OperationPool<ValidatorIndex, ProposerSlashing> proposerSlashingPool(int capacity) {
    return new OperationPool<>(
        s -> s.signedHeader1().message().proposerIndex(), this::checkProposerSlashing, capacity);
  }

  /** A pool of attester slashings, deduplicated by the pair of attestation data. */
  public OperationPool<List<Object>, AttesterSlashing> attesterSlashingPool(int capacity) {
    return new OperationPool<>(
        s -> List.of(s.attestation1().data(), s.attestation2().data()),
        this::checkAttesterSlashing,
        capacity);
  }

  /** A pool of voluntary exits, one per validator. */
  public OperationPool<ValidatorIndex, SignedVoluntaryExit> voluntaryExitPool(int capacity) {
    return new OperationPool<>(
        e -> e.message().validatorIndex(), this::checkVoluntaryExit, capacity);
  }

  public Optional<InvalidReason> checkProposerSlashing(BeaconState state, ProposerSlashing s) {
    BeaconBlockHeader h1 = s.signedHeader1().message();
    BeaconBlockHeader h2 = s.signedHeader2().message();
    if (!h1.slot().equals(h2.slot())) {
      return invalid("Proposer slashing headers have different slots");
    }
    if (!h1.proposerIndex().equals(h2.proposerIndex())) {
      return invalid("Proposer slashing headers have different proposers");
    }
    if (h1.equals(h2)) {
      return invalid("Proposer slashing headers are equal");
    }
    Optional<Validator> proposer = validator(state, h1.proposerIndex());
    if (proposer.isEmpty()) {
      return invalid("Unknown proposer " + h1.proposerIndex());
    }
    if (!predicates.isSlashableValidator(proposer.get(), accessors.getCurrentEpoch(state))) {
      return invalid("Proposer " + h1.proposerIndex() + " is not slashable");
    }
    return Optional.empty();
  }

  public Optional<InvalidReason> checkAttesterSlashing(BeaconState state, AttesterSlashing s) {
    if (!predicates.isSlashableAttestationData(s.attestation1().data(), s.attestation2().data())) {
      return invalid("Attestation data are not slashable");
    }
    Optional<InvalidReason> structure =
        predicates
            .checkIndexedAttestationStructure(state, s.attestation1())
            .or(() -> predicates.checkIndexedAttestationStructure(state, s.attestation2()));
    if (structure.isPresent()) {
      return structure;
    }
    Set<ValidatorIndex> second = new HashSet<>(s.attestation2().attestingIndices());
    Epoch epoch = accessors.getCurrentEpoch(state);
    for (ValidatorIndex index : s.attestation1().attestingIndices()) {
      if (second.contains(index)
          && predicates.isSlashableValidator(
              state.validators().get(index.value().longValue()), epoch)) {
        return Optional.empty();
      }
    }
    return invalid("No attester in both attestations is slashable");
  }

  public Optional<InvalidReason> checkVoluntaryExit(BeaconState state, SignedVoluntaryExit e) {
    VoluntaryExit exit = e.message();
    Optional<Validator> found = validator(state, exit.validatorIndex());
    if (found.isEmpty()) {
      return invalid("Unknown validator " + exit.validatorIndex());
    }
    Validator validator = found.get();
    Epoch current = accessors.getCurrentEpoch(state);
    if (!predicates.isActiveValidator(validator, current)) {
      return invalid("Validator " + exit.validatorIndex() + " is not active");
    }
    if (!validator.exitEpoch().equals(Validator.FAR_FUTURE_EPOCH)) {
      return invalid("Validator " + exit.validatorIndex() + " is already exiting");
    }
    if (current.isBefore(exit.epoch())) {
      return invalid("Exit epoch " + exit.epoch() + " is in the future");
    }
    if (current.isBefore(
        validator.activationEpoch().plus(config.shardCommitteePeriod().value().longValue()))) {
      return invalid("Validator " + exit.validatorIndex() + " has not been active long enough");
    }
    return Optional.empty();
  }

  private static Optional<Validator> validator(BeaconState state, ValidatorIndex index) {
    long i = index.value().bits();
    if (i < 0 || i >= state.validators().size()) {
      return Optional.empty();
    }
    return Optional.of(state.validators().get(i));
  }

  private static Optional<InvalidReason> invalid(String description) {
    return Optional.of(new InvalidReason(description));
  }
}
