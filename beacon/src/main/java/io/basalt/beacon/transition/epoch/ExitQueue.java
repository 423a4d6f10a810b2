package io.basalt.beacon.transition.epoch;

/**
 * The exit queue of {@code initiate_validator_exit} kept incrementally: the spec recomputes the
 * latest scheduled exit epoch and its churn from the whole registry for every exit, which is
 * O(validators) per ejection. Here one scan finds them and each exit updates them, with the same
 * result.
 */
final class ExitQueue {

  private final EpochWorkspace w;
  private final long churnLimit;
  private final long withdrawabilityDelay;
  private final long activationExitEpoch;
  private long latestExitEpoch;
  private long exitsAtLatest;

  ExitQueue(
      EpochWorkspace w, long churnLimit, long activationExitEpoch, long withdrawabilityDelay) {
    this.w = w;
    this.churnLimit = churnLimit;
    this.activationExitEpoch = activationExitEpoch;
    this.withdrawabilityDelay = withdrawabilityDelay;
    long latest = 0;
    for (int i = 0; i < w.size; i++) {
      long exit = w.exitEpoch[i];
      if (exit != EpochWorkspace.FAR_FUTURE && Long.compareUnsigned(exit, latest) > 0) {
        latest = exit;
      }
    }
    long count = 0;
    for (int i = 0; i < w.size; i++) {
      if (w.exitEpoch[i] == latest) {
        count++;
      }
    }
    this.latestExitEpoch = latest;
    this.exitsAtLatest = count;
  }

  /**
   * Schedules the exit of validator {@code index} at the first epoch with room under the churn
   * limit, and its withdrawability {@code MIN_VALIDATOR_WITHDRAWABILITY_DELAY} later; no-op if an
   * exit is already scheduled.
   */
  // spec: initiate_validator_exit
  void initiateValidatorExit(int index) {
    if (w.exitEpoch[index] != EpochWorkspace.FAR_FUTURE) {
      return;
    }
    long queueEpoch = Math.max(latestExitEpoch, activationExitEpoch);
    long churn = queueEpoch == latestExitEpoch ? exitsAtLatest : 0;
    if (churn >= churnLimit) {
      queueEpoch++;
    }
    if (queueEpoch == latestExitEpoch) {
      exitsAtLatest++;
    } else {
      latestExitEpoch = queueEpoch;
      exitsAtLatest = 1;
    }
    w.exitEpoch[index] = queueEpoch;
    w.withdrawableEpoch[index] = Math.addExact(queueEpoch, withdrawabilityDelay);
    w.markValidatorChanged(index);
  }
}
