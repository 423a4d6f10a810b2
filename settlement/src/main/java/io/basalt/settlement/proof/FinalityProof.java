package io.basalt.settlement.proof;

import io.basalt.consensus.types.Checkpoint;
import java.util.List;
import java.util.Objects;

/**
 * The votes that finalized {@code checkpoint} C under the FFG rules of {@code
 * JustificationAndFinalization} (phase0's four rules). Each of them finalizes C through a
 * supermajority link from source C to a target T one or two epochs later:
 *
 * <ul>
 *   <li>T = C + 1 (rules 2 and 4): C justified and at least 2/3 of the stake voted {@code C -> T};
 *   <li>T = C + 2 (rules 1 and 3): C and C + 1 justified and at least 2/3 voted {@code C -> T}.
 * </ul>
 *
 * @param justifying attestations whose target is C (at least 2/3 of the stake)
 * @param intermediate attestations whose target is the checkpoint of epoch C + 1 (at least 2/3 of
 *     the stake); empty when {@code finalizing} targets C + 1
 * @param finalizing attestations with source C and one target of epoch C + 1 or C + 2 (at least 2/3
 *     of the stake)
 */
public record FinalityProof(
    Checkpoint checkpoint,
    List<AttestationEvidence> justifying,
    List<AttestationEvidence> intermediate,
    List<AttestationEvidence> finalizing) {

  public FinalityProof {
    Objects.requireNonNull(checkpoint, "checkpoint");
    justifying = List.copyOf(justifying);
    intermediate = List.copyOf(intermediate);
    finalizing = List.copyOf(finalizing);
  }
}
