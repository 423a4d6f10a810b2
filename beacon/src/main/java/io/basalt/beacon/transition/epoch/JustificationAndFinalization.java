package io.basalt.beacon.transition.epoch;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.types.Checkpoint;

/**
 * Casper FFG on epoch checkpoints: an epoch is justified when at least 2/3 of the active stake
 * voted for its target, and phase0's four rules finalize a justified checkpoint that was the source
 * of a justification one or two epochs later.
 */
final class JustificationAndFinalization {

  private final BeaconStateAccessors accessors;

  JustificationAndFinalization(BeaconStateAccessors accessors) {
    this.accessors = accessors;
  }

  // spec: weigh_justification_and_finalization
  void weighJustificationAndFinalization(
      EpochWorkspace w, long totalActive, long previousTarget, long currentTarget) {
    MutableBeaconState m = w.state;
    Checkpoint oldPrevious = m.previousJustifiedCheckpoint();
    Checkpoint oldCurrent = m.currentJustifiedCheckpoint();
    Bits old = m.justificationBits();
    Bits bits = Bits.zeros(old.size());
    for (int i = 1; i < bits.size(); i++) {
      bits = bits.with(i, old.get(i - 1));
    }
    m.setPreviousJustifiedCheckpoint(oldCurrent);
    if (isSupermajority(previousTarget, totalActive)) {
      m.setCurrentJustifiedCheckpoint(checkpoint(m, w.previousEpoch));
      bits = bits.with(1, true);
    }
    if (isSupermajority(currentTarget, totalActive)) {
      m.setCurrentJustifiedCheckpoint(checkpoint(m, w.currentEpoch));
      bits = bits.with(0, true);
    }
    m.setJustificationBits(bits);

    long current = w.currentEpoch;
    // The 2nd, 3rd and 4th most recent epochs are justified, the 2nd using the 4th as source.
    if (allSet(bits, 1, 4) && epoch(oldPrevious) + 3 == current) {
      m.setFinalizedCheckpoint(oldPrevious);
    }
    // The 2nd and 3rd most recent epochs are justified, the 2nd using the 3rd as source.
    if (allSet(bits, 1, 3) && epoch(oldPrevious) + 2 == current) {
      m.setFinalizedCheckpoint(oldPrevious);
    }
    // The 1st, 2nd and 3rd most recent epochs are justified, the 1st using the 3rd as source.
    if (allSet(bits, 0, 3) && epoch(oldCurrent) + 2 == current) {
      m.setFinalizedCheckpoint(oldCurrent);
    }
    // The 1st and 2nd most recent epochs are justified, the 1st using the 2nd as source.
    if (allSet(bits, 0, 2) && epoch(oldCurrent) + 1 == current) {
      m.setFinalizedCheckpoint(oldCurrent);
    }
  }

  private static boolean isSupermajority(long targetBalance, long totalActive) {
    return Math.multiplyExact(targetBalance, 3) >= Math.multiplyExact(totalActive, 2);
  }

  private Checkpoint checkpoint(MutableBeaconState m, long epoch) {
    Epoch e = Epoch.of(epoch);
    return new Checkpoint(e, accessors.getBlockRoot(m.snapshot(), e));
  }

  private static boolean allSet(Bits bits, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!bits.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static long epoch(Checkpoint checkpoint) {
    return checkpoint.epoch().value().bits();
  }
}
