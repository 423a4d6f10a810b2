package io.basalt.shard.mempool;

/** Pool-only reasons to refuse a valid transaction, with go-ethereum's txpool error strings. */
public enum PoolRejection implements AddRejection {
  /** A transaction with the same hash is already pooled (geth ErrAlreadyKnown). */
  ALREADY_KNOWN("already known"),
  /**
   * Same sender and nonce as a pooled transaction, without raising both maxFeePerGas and
   * maxPriorityFeePerGas by the price bump (geth ErrReplaceUnderpriced).
   */
  REPLACEMENT_UNDERPRICED("replacement transaction underpriced"),
  /** The pool is full and the transaction pays no more than the cheapest evictable one. */
  TXPOOL_FULL("txpool is full"),
  /** The sender already has the per-sender maximum pooled (geth ErrAccountLimitExceeded). */
  ACCOUNT_LIMIT_EXCEEDED("account limit exceeded"),
  /**
   * The nonce is further above the account nonce than the pool's nonce gap allows. geth has no such
   * limit; its core.ErrNonceTooHigh string is reused so that wallets read it the same way.
   */
  NONCE_GAP_TOO_LARGE("nonce too high");

  private final String message;

  PoolRejection(String message) {
    this.message = message;
  }

  @Override
  public String message() {
    return message;
  }
}
