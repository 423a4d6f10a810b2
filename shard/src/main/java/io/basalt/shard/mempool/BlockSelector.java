package io.basalt.shard.mempool;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Picks pending transactions for a block in an order that executes: each step takes, among every
 * sender's next nonce, the one with the highest tip at the block's base fee (ties: earlier
 * arrival), as geth's miner does with its price-and-nonce heap.
 *
 * <p>A sender whose next transaction cannot pay the base fee, or whose next transaction's gas limit
 * no longer fits in the gas left, is dropped from this selection with all its later nonces; the
 * others carry on, until no sender is left or less than {@link #MIN_TX_GAS} remains.
 */
final class BlockSelector {

  /** The least gas any transaction uses (a plain transfer's intrinsic gas). */
  static final UInt64 MIN_TX_GAS = UInt64.valueOf(21_000);

  /** A sender's pending run, the position of its next transaction and that one's tip. */
  private static final class Cursor {
    private final List<PooledTransaction> run;
    private final BigInteger baseFee;
    private int next;
    private BigInteger headTip;

    private Cursor(List<PooledTransaction> run, BigInteger baseFee) {
      this.run = run;
      this.baseFee = baseFee;
      this.headTip = PoolPricing.tipAt(run.get(0).tx(), baseFee);
    }

    private PooledTransaction head() {
      return run.get(next);
    }

    /** Moves to the next nonce; false when the run is exhausted. */
    private boolean advance() {
      next++;
      if (next == run.size()) {
        return false;
      }
      headTip = PoolPricing.tipAt(head().tx(), baseFee);
      return true;
    }
  }

  /** Higher tip first, then earlier arrival; tips are cached so the heap compares cheaply. */
  private static final Comparator<Cursor> BEST_FIRST =
      Comparator.<Cursor, BigInteger>comparing(cursor -> cursor.headTip)
          .reversed()
          .thenComparingLong(cursor -> cursor.head().arrival());

  private BlockSelector() {}

  static List<PooledTransaction> select(
      Collection<SenderTransactions> senders, BigInteger baseFee, UInt64 gasLimit) {
    PriorityQueue<Cursor> heads = new PriorityQueue<>(Math.max(1, senders.size()), BEST_FIRST);
    for (SenderTransactions sender : senders) {
      List<PooledTransaction> run = sender.pending();
      if (!run.isEmpty()) {
        heads.add(new Cursor(run, baseFee));
      }
    }
    List<PooledTransaction> selected = new ArrayList<>();
    UInt64 gasLeft = gasLimit;
    while (!heads.isEmpty() && gasLeft.isGreaterThanOrEqualTo(MIN_TX_GAS)) {
      Cursor cursor = heads.poll();
      Transaction tx = cursor.head().tx();
      if (tx.maxFeePerGas().compareTo(baseFee) < 0 || tx.gasLimit().isGreaterThan(gasLeft)) {
        continue; // this sender's later nonces cannot run without this one
      }
      selected.add(cursor.head());
      gasLeft = gasLeft.minus(tx.gasLimit());
      if (cursor.advance()) {
        heads.add(cursor);
      }
    }
    return selected;
  }
}
