package io.basalt.beacon.transition;

import io.basalt.beacon.state.BeaconState;

/**
 * The epoch step of {@code process_slots}: run on the state of the last slot of an epoch, before
 * its slot advances into the next one. Pure: the same state gives the same result.
 */
@FunctionalInterface
public interface EpochTransition {

  /** No epoch processing; for tests of slot and block processing alone. */
  EpochTransition NONE = state -> state;

  // spec: process_epoch
  BeaconState processEpoch(BeaconState state);
}
