package io.basalt.shard.executor;

import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.shard.transition.SenderRecoverer;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Recovers a block's senders on the shard pool, in parallel, results in transaction order. It runs
 * as a parallel stream inside the pool: called from one of the pool's threads (a shard block being
 * executed) the waiting thread works on the chunks itself, so shards waiting on their senders can
 * never starve the pool.
 */
public final class ParallelSenderRecovery implements SenderRecoverer {

  /** Below this many transactions the hand-off costs more than it saves. */
  private static final int MIN_PARALLEL = 64;

  private final ForkJoinPool pool;

  public ParallelSenderRecovery(ForkJoinPool pool) {
    this.pool = pool;
  }

  @Override
  public List<SenderResult> recover(List<Transaction> transactions) {
    if (transactions.size() < MIN_PARALLEL || pool.getParallelism() == 1) {
      return SenderRecoverer.SEQUENTIAL.recover(transactions);
    }
    if (ForkJoinTask.getPool() == pool) {
      return inParallel(transactions);
    }
    return pool.submit(() -> inParallel(transactions)).join();
  }

  private static List<SenderResult> inParallel(List<Transaction> transactions) {
    return transactions.parallelStream().map(SenderRecovery::recover).toList();
  }
}
