package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Gwei;
import io.basalt.common.types.ValidatorIndex;
import java.util.Arrays;
import java.util.List;

/**
 * The effective balances of the justified state, in Gwei, by validator index: the weight each
 * validator's vote carries. Validators that are not active or are slashed in that state carry zero
 * (the spec counts only {@code get_unslashed_and_active_indices}), so the sum is the total active
 * balance.
 *
 * <p>Immutable. Stored as a primitive array because {@link VoteDeltas} reads one entry per
 * validator on every head computation.
 */
public final class EffectiveBalances {

  public static final EffectiveBalances EMPTY = new EffectiveBalances(new long[0], 0);

  private final long[] gwei;
  private final long total;

  private EffectiveBalances(long[] gwei, long total) {
    this.gwei = gwei;
    this.total = total;
  }

  /** Balances from typed values; zero for inactive or slashed validators. */
  public static EffectiveBalances of(List<Gwei> balances) {
    long[] values = new long[balances.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = balances.get(i).value().longValue();
    }
    return ofGwei(values);
  }

  /**
   * Balances from raw Gwei amounts (copied).
   *
   * @throws IllegalArgumentException if an amount is negative (above 2^63 - 1 Gwei) or the total
   *     overflows
   */
  public static EffectiveBalances ofGwei(long[] gwei) {
    long[] copy = gwei.clone();
    long total = 0;
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] < 0) {
        throw new IllegalArgumentException("balance of validator " + i + " out of range");
      }
      try {
        total = Math.addExact(total, copy[i]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("total balance overflows", e);
      }
    }
    return new EffectiveBalances(copy, total);
  }

  public int size() {
    return gwei.length;
  }

  /** The balance of a validator; zero beyond the list (a validator unknown to the state). */
  public Gwei get(ValidatorIndex index) {
    long i = index.value().bits();
    return i >= 0 && i < gwei.length ? Gwei.of(gwei[(int) i]) : Gwei.ZERO;
  }

  /** The sum of all balances: the total active balance of the justified state. */
  public Gwei total() {
    return Gwei.of(total);
  }

  long totalGwei() {
    return total;
  }

  /** The backing array; callers in this package only read it. */
  long[] gweiArray() {
    return gwei;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EffectiveBalances other && Arrays.equals(gwei, other.gwei);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(gwei);
  }
}
