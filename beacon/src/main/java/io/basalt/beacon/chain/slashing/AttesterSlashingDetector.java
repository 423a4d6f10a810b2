package io.basalt.beacon.chain.slashing;

import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.slashing.SlashingConditions;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.IndexedAttestation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Finds double and surround votes among the indexed attestations seen, per validator, over the last
 * {@code epochWindow} target epochs (a surround vote spanning more is missed, as with any bounded
 * slasher history).
 *
 * <p>For each validator it keeps the first attestation seen per target epoch. A new attestation is
 * compared with the validator's kept ones: a different one with the same target epoch is a double
 * vote; one whose FFG link surrounds, or is surrounded by, a kept one's is a surround vote (both
 * checked with the spec's {@code is_slashable_attestation_data}, in the order that makes it true).
 * Each pair of attestation data is reported once, and a validator already covered by a reported
 * slashing is not reported again.
 *
 * <p>Memory: per validator, at most {@code epochWindow} references to attestations (shared between
 * the validators of one aggregate); {@link #prune} drops target epochs older than the window. Not
 * thread-safe (the owning {@link SlashingDetector} synchronizes).
 */
final class AttesterSlashingDetector {

  private final long epochWindow;
  private final SlashingConditions conditions = new SlashingConditions();
  private final Map<ValidatorIndex, TreeMap<Epoch, IndexedAttestation>> byValidator =
      new HashMap<>();
  private final Set<List<Bytes32>> reportedPairs = new HashSet<>();
  private final Set<ValidatorIndex> reportedValidators = new HashSet<>();
  private Epoch latestTarget = Epoch.ZERO;

  AttesterSlashingDetector(long epochWindow) {
    this.epochWindow = epochWindow;
  }

  List<AttesterSlashing> onAttestation(IndexedAttestation attestation) {
    AttestationData data = attestation.data();
    Epoch target = data.target().epoch();
    if (target.plus(epochWindow).isBefore(latestTarget)) {
      return List.of();
    }
    if (target.isAfter(latestTarget)) {
      latestTarget = target;
    }
    List<AttesterSlashing> found = new ArrayList<>();
    for (ValidatorIndex validator : attestation.attestingIndices()) {
      TreeMap<Epoch, IndexedAttestation> history =
          byValidator.computeIfAbsent(validator, v -> new TreeMap<>());
      if (!reportedValidators.contains(validator)) {
        for (IndexedAttestation seen : history.values()) {
          AttesterSlashing slashing = slashingOf(seen, attestation);
          if (slashing != null) {
            found.add(slashing);
            reportedValidators.addAll(intersection(seen, attestation));
            break;
          }
        }
      }
      history.putIfAbsent(target, attestation);
    }
    return found;
  }

  private AttesterSlashing slashingOf(IndexedAttestation seen, IndexedAttestation fresh) {
    AttesterSlashing slashing;
    if (conditions.isSlashableAttestationData(seen.data(), fresh.data())) {
      slashing = new AttesterSlashing(seen, fresh);
    } else if (conditions.isSlashableAttestationData(fresh.data(), seen.data())) {
      slashing = new AttesterSlashing(fresh, seen);
    } else {
      return null;
    }
    List<Bytes32> pair =
        List.of(
            slashing.attestation1().data().hashTreeRoot(),
            slashing.attestation2().data().hashTreeRoot());
    return reportedPairs.add(pair) ? slashing : null;
  }

  private static Set<ValidatorIndex> intersection(IndexedAttestation a, IndexedAttestation b) {
    Set<ValidatorIndex> both = new HashSet<>(a.attestingIndices());
    both.retainAll(b.attestingIndices());
    return both;
  }

  void prune() {
    Epoch oldest =
        latestTarget.value().longValue() > epochWindow
            ? Epoch.of(latestTarget.value().longValue() - epochWindow)
            : Epoch.ZERO;
    byValidator.values().forEach(history -> history.headMap(oldest).clear());
    byValidator.values().removeIf(TreeMap::isEmpty);
  }

  int size() {
    return byValidator.values().stream().mapToInt(TreeMap::size).sum();
  }
}
