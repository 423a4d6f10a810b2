package io.basalt.shard.mempool;

import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;

/** The fee comparisons the pool makes: tips for ordering and eviction, and the replacement bump. */
final class PoolPricing {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private PoolPricing() {}

  /**
   * The tip per gas at {@code baseFee}: {@code min(maxPriorityFeePerGas, maxFeePerGas - baseFee)}.
   * Unlike {@code FeeMarket.effectivePriorityFee} it goes negative when the fee cap is below the
   * base fee, so such a transaction ranks below every includable one for eviction.
   */
  static BigInteger tipAt(Transaction tx, BigInteger baseFee) {
    return tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(baseFee));
  }

  /**
   * Whether {@code replacement} may replace {@code old} (geth legacypool {@code list.Add}): both
   * fee fields strictly higher, and each at least the old one times {@code (100 + bump) / 100},
   * rounded down.
   */
  static boolean outbids(Transaction replacement, Transaction old, int priceBumpPercent) {
    BigInteger factor = BigInteger.valueOf(100L + priceBumpPercent);
    BigInteger feeThreshold = old.maxFeePerGas().multiply(factor).divide(HUNDRED);
    BigInteger tipThreshold = old.maxPriorityFeePerGas().multiply(factor).divide(HUNDRED);
    return replacement.maxFeePerGas().compareTo(old.maxFeePerGas()) > 0
        && replacement.maxPriorityFeePerGas().compareTo(old.maxPriorityFeePerGas()) > 0
        && replacement.maxFeePerGas().compareTo(feeThreshold) >= 0
        && replacement.maxPriorityFeePerGas().compareTo(tipThreshold) >= 0;
  }
}
