package io.basalt.beacon.chain.pool;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the attestations of a block: a greedy maximum coverage over validators whose vote the
 * state has not counted yet (the classic {@code 1 - 1/e} approximation, as Lighthouse's operation
 * pool).
 *
 * <p>A validator counts as already covered for a target epoch when its participation byte for that
 * epoch ({@code current_epoch_participation} or {@code previous_epoch_participation}) has any flag
 * set: its vote was included before. Each round picks the candidate adding the most validators not
 * covered by the state or by the attestations already picked (ties: the later slot, then pool
 * order), until {@code max} are picked or nothing adds coverage.
 *
 * <p>Only attestations the block may include are candidates (Altair {@code process_attestation}):
 * target epoch the state's current or previous one and equal to the epoch of the data's slot,
 * {@code data.slot + MIN_ATTESTATION_INCLUSION_DELAY <= state.slot <= data.slot + SLOTS_PER_EPOCH},
 * source equal to the state's justified checkpoint for that target, an existing shard, and bits
 * sized to the committee. Thread-safe (stateless).
 */
public final class AttestationPacker {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;

  public AttestationPacker(SpecConfig config, BeaconStateAccessors accessors) {
    this.config = config;
    this.accessors = accessors;
  }

  /** The attestations to include, in the order they were picked. */
  public List<Attestation> pack(BeaconState state, List<Attestation> pool, int max) {
    Epoch current = accessors.getCurrentEpoch(state);
    // One walk of each participation list instead of a tree descent per attester.
    List<Integer> currentParticipation = state.currentEpochParticipation().toList();
    List<Integer> previousParticipation = state.previousEpochParticipation().toList();
    List<Candidate> candidates = new ArrayList<>();
    for (Attestation attestation : pool) {
      if (isIncludable(state, attestation.data(), current)) {
        boolean currentTarget = attestation.data().target().epoch().equals(current);
        List<Integer> participation = currentTarget ? currentParticipation : previousParticipation;
        attestingIndices(state, attestation)
            .ifPresent(
                indices ->
                    candidates.add(
                        candidateOf(attestation, indices, currentTarget, participation)));
      }
    }
    BitSet coveredCurrent = new BitSet();
    BitSet coveredPrevious = new BitSet();
    List<Attestation> picked = new ArrayList<>();
    while (picked.size() < max) {
      Candidate best = null;
      int bestGain = 0;
      for (Candidate candidate : candidates) {
        BitSet covered = candidate.currentTarget ? coveredCurrent : coveredPrevious;
        int gain = candidate.gain(covered);
        if (gain > bestGain
            || (gain == bestGain
                && gain > 0
                && candidate.attestation.data().slot().isAfter(best.attestation.data().slot()))) {
          best = candidate;
          bestGain = gain;
        }
      }
      if (best == null) {
        break;
      }
      picked.add(best.attestation);
      (best.currentTarget ? coveredCurrent : coveredPrevious).or(best.uncovered);
      candidates.remove(best);
    }
    return picked;
  }

  /** Whether a block on {@code state} may include an attestation of {@code data}. */
  boolean isIncludable(BeaconState state, AttestationData data, Epoch current) {
    Epoch target = data.target().epoch();
    boolean currentTarget = target.equals(current);
    boolean previousTarget = target.equals(accessors.getPreviousEpoch(state)) && !currentTarget;
    if (!currentTarget && !previousTarget) {
      return false;
    }
    if (!target.equals(accessors.misc().computeEpochAtSlot(data.slot()))) {
      return false;
    }
    if (data.slot()
            .plus(config.minAttestationInclusionDelay().value().longValue())
            .isAfter(state.slot())
        || state.slot().isAfter(data.slot().plus(config.slotsPerEpoch()))) {
      return false;
    }
    if (data.shard().id() >= config.shardCount()) {
      return false;
    }
    Checkpoint justified =
        currentTarget ? state.currentJustifiedCheckpoint() : state.previousJustifiedCheckpoint();
    return data.source().equals(justified);
  }

  private Optional<List<ValidatorIndex>> attestingIndices(
      BeaconState state, Attestation attestation) {
    try {
      return Optional.of(accessors.getAttestingIndices(state, attestation));
    } catch (IllegalArgumentException e) {
      // Bits not sized to the committee: the block would be invalid with it.
      return Optional.empty();
    }
  }

  private static Candidate candidateOf(
      Attestation attestation,
      List<ValidatorIndex> indices,
      boolean currentTarget,
      List<Integer> participation) {
    BitSet uncovered = new BitSet();
    for (ValidatorIndex index : indices) {
      int i = index.intValue();
      if (i < participation.size() && participation.get(i) == 0) {
        uncovered.set(i);
      }
    }
    return new Candidate(attestation, currentTarget, uncovered);
  }

  private static final class Candidate {
    final Attestation attestation;
    final boolean currentTarget;
    final BitSet uncovered;

    Candidate(Attestation attestation, boolean currentTarget, BitSet uncovered) {
      this.attestation = attestation;
      this.currentTarget = currentTarget;
      this.uncovered = uncovered;
    }

    int gain(BitSet covered) {
      BitSet fresh = (BitSet) uncovered.clone();
      fresh.andNot(covered);
      return fresh.cardinality();
    }
  }
}
