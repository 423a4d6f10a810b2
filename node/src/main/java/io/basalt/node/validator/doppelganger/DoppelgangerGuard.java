package io.basalt.node.validator.doppelganger;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import java.util.function.BiPredicate;

/**
 * Doppelganger detection: from the epoch the client starts in, each epoch that ends is checked for
 * attestations by our validators ({@code isLive}); since we sign nothing meanwhile, any is someone
 * else's. Signing is allowed once {@code epochs} full epochs passed clean. Not thread-safe.
 */
public final class DoppelgangerGuard {

  /** What the guard says for now. */
  public sealed interface Verdict {
    /** Still watching: sign nothing. */
    record Waiting() implements Verdict {}

    /** Watched long enough (or protection disabled): sign. */
    record Clear() implements Verdict {}

    /** {@code validator} attested in {@code epoch} while we signed nothing. */
    record Detected(ValidatorIndex validator, Epoch epoch) implements Verdict {}
  }

  private final DoppelgangerConfig config;
  private Epoch startEpoch;
  private Epoch nextToCheck;
  private Verdict verdict;

  public DoppelgangerGuard(DoppelgangerConfig config) {
    this.config = config;
    this.verdict = config.enabled() ? new Verdict.Waiting() : new Verdict.Clear();
  }

  /**
   * Checks the epochs that ended before {@code current} and not yet checked, for each of {@code
   * validators}. A final verdict (clear or detected) never changes.
   */
  public Verdict onEpoch(
      Epoch current,
      Iterable<ValidatorIndex> validators,
      BiPredicate<ValidatorIndex, Epoch> isLive) {
    if (!(verdict instanceof Verdict.Waiting)) {
      return verdict;
    }
    if (startEpoch == null) {
      startEpoch = current;
      nextToCheck = current;
    }
    while (nextToCheck.isBefore(current)) {
      for (ValidatorIndex validator : validators) {
        if (isLive.test(validator, nextToCheck)) {
          verdict = new Verdict.Detected(validator, nextToCheck);
          return verdict;
        }
      }
      nextToCheck = nextToCheck.increment();
    }
    if (!current.isBefore(startEpoch.plus(config.epochs()))) {
      verdict = new Verdict.Clear();
    }
    return verdict;
  }

  public Verdict verdict() {
    return verdict;
  }
}
