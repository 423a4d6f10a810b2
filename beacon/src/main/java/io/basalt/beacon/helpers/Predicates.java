package io.basalt.beacon.helpers;

import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.slashing.SlashingConditions;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The phase0 predicates on validators and attestations. Thread-safe. */
public final class Predicates {

  private final SpecConfig config;
  private final SlashingConditions slashingConditions = new SlashingConditions();

  public Predicates(SpecConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  // spec: is_active_validator
  public boolean isActiveValidator(Validator validator, Epoch epoch) {
    return !validator.activationEpoch().isAfter(epoch) && epoch.isBefore(validator.exitEpoch());
  }

  /** Whether a validator with a full deposit may join the activation queue. */
  // spec: is_eligible_for_activation_queue
  public boolean isEligibleForActivationQueue(Validator validator) {
    return validator.activationEligibilityEpoch().equals(Validator.FAR_FUTURE_EPOCH)
        && validator.effectiveBalance().equals(config.maxEffectiveBalance());
  }

  /** Whether a queued validator's eligibility is finalized and it is not yet scheduled. */
  // spec: is_eligible_for_activation
  public boolean isEligibleForActivation(BeaconState state, Validator validator) {
    return !validator.activationEligibilityEpoch().isAfter(state.finalizedCheckpoint().epoch())
        && validator.activationEpoch().equals(Validator.FAR_FUTURE_EPOCH);
  }

  // spec: is_slashable_validator
  public boolean isSlashableValidator(Validator validator, Epoch epoch) {
    return !validator.slashed()
        && !validator.activationEpoch().isAfter(epoch)
        && epoch.isBefore(validator.withdrawableEpoch());
  }

  // spec: is_slashable_attestation_data
  public boolean isSlashableAttestationData(AttestationData data1, AttestationData data2) {
    return slashingConditions.isSlashableAttestationData(data1, data2);
  }

  /**
   * The structural half of {@code is_valid_indexed_attestation}: at least one index, sorted and
   * without duplicates, each in the registry. The signature half is a signature set built
   * separately and verified by the caller's verifier.
   */
  // spec: is_valid_indexed_attestation
  public Optional<InvalidReason> checkIndexedAttestationStructure(
      BeaconState state, IndexedAttestation attestation) {
    List<ValidatorIndex> indices = attestation.attestingIndices();
    if (indices.isEmpty()) {
      return Optional.of(new InvalidReason("Indexed attestation has no attesting indices"));
    }
    for (int i = 1; i < indices.size(); i++) {
      if (indices.get(i - 1).compareTo(indices.get(i)) >= 0) {
        return Optional.of(
            new InvalidReason(
                "Attesting indices are not sorted and unique at position " + i + ": " + indices));
      }
    }
    ValidatorIndex last = indices.get(indices.size() - 1);
    if (!last.value().isLessThan(UInt64.valueOf(state.validators().size()))) {
      return Optional.of(
          new InvalidReason(
              "Attesting index "
                  + last
                  + " is outside the registry of "
                  + state.validators().size()));
    }
    return Optional.empty();
  }
}
