package io.basalt.shard.mempool;

/**
 * Limits of a {@link ShardMempool}.
 *
 * @param maxTransactions transactions held in total, pending and queued (geth: GlobalSlots +
 *     GlobalQueue)
 * @param maxPerSender transactions held for one sender (geth: AccountQueue / AccountSlots)
 * @param maxNonceGap how far above the account nonce a transaction's nonce may be
 * @param priceBumpPercent how much a replacement must raise both fee fields, in percent
 */
public record MempoolConfig(
    int maxTransactions, int maxPerSender, long maxNonceGap, int priceBumpPercent) {

  /** 8,192 transactions, 64 per sender, nonces up to 64 ahead, 10% price bump (geth's default). */
  public static final MempoolConfig DEFAULT = new MempoolConfig(8_192, 64, 64, 10);

  /**
   * @throws IllegalArgumentException if a limit is not positive, the per-sender cap exceeds the
   *     total, or the price bump is negative
   */
  public MempoolConfig {
    if (maxTransactions <= 0 || maxPerSender <= 0 || maxNonceGap < 0) {
      throw new IllegalArgumentException(
          "Pool limits must be positive (nonce gap non-negative), got "
              + describe(maxTransactions, maxPerSender, maxNonceGap));
    }
    if (maxPerSender > maxTransactions) {
      throw new IllegalArgumentException(
          "maxPerSender " + maxPerSender + " exceeds maxTransactions " + maxTransactions);
    }
    if (priceBumpPercent < 0) {
      throw new IllegalArgumentException("priceBumpPercent must be >= 0, got " + priceBumpPercent);
    }
  }

  private static String describe(int total, int perSender, long gap) {
    return "maxTransactions=" + total + ", maxPerSender=" + perSender + ", maxNonceGap=" + gap;
  }
}
