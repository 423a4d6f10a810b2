package io.basalt.execution.processor;

import io.basalt.execution.transaction.TxRejection;

/** A block holds a transaction that cannot be included, so the whole block is invalid. */
public final class BlockExecutionException extends Exception {

  private final int transactionIndex;
  private final TxRejection reason;

  public BlockExecutionException(int transactionIndex, TxRejection reason) {
    super("transaction " + transactionIndex + " is invalid: " + reason.message());
    this.transactionIndex = transactionIndex;
    this.reason = reason;
  }

  /** The index in the block of the first invalid transaction. */
  public int transactionIndex() {
    return transactionIndex;
  }

  public TxRejection reason() {
    return reason;
  }
}
