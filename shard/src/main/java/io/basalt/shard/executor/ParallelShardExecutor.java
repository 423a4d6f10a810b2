package io.basalt.shard.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;

/**
 * Runs blocks of different shards at the same time on a pool sized to the cores. Each task is one
 * shard's work for a slot (import or production of its block); tasks of one shard never run
 * together, because a slot gives each shard one task. Results come back in task order.
 */
public final class ParallelShardExecutor implements AutoCloseable {

  private final ForkJoinPool pool;
  private final int threads;

  /**
   * A work-stealing pool of {@code threads} daemon threads named {@code shard-exec-N}: a shard task
   * that waits on its own sub-tasks (sender recovery) runs them instead of blocking a thread.
   */
  public ParallelShardExecutor(int threads) {
    this.threads = Math.max(1, threads);
    this.pool =
        new ForkJoinPool(
            this.threads,
            p -> {
              ForkJoinWorkerThread thread =
                  ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
              thread.setName("shard-exec-" + thread.getPoolIndex());
              thread.setDaemon(true);
              return thread;
            },
            null,
            false);
  }

  /** A pool with one thread per available core. */
  public static ParallelShardExecutor sizedToCores() {
    return new ParallelShardExecutor(Runtime.getRuntime().availableProcessors());
  }

  public int threads() {
    return threads;
  }

  /** The pool, for sender recovery within a block ({@link ParallelSenderRecovery}). */
  public ParallelSenderRecovery senderRecovery() {
    return new ParallelSenderRecovery(pool);
  }

  /** Runs every task, concurrently, and returns their results in order. */
  public <T> List<T> runAll(List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>(tasks.size());
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while executing shard blocks", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("A shard task failed", e.getCause());
      }
    }
    return results;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
