package io.basalt.node.chain;

import io.basalt.common.types.ShardId;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.mempool.PoolRejection;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where transactions from JSON-RPC and gossip wait for the mempool, which lives on the chain
 * thread. They are admitted in chunks of {@link #CHUNK}, one chain task per chunk, so that a flood
 * of transactions costs a few tasks instead of one each, and block production, imports and duties
 * queued meanwhile run between chunks instead of behind the whole flood. At most {@code capacity}
 * wait; more are refused at once as {@code txpool is full}. Senders are recovered by the caller,
 * off the chain thread. Thread-safe.
 */
public final class TransactionIntake {

  /** Transactions admitted per chain task. */
  static final int CHUNK = 128;

  /** Transactions that may wait by default: a few seconds of a heavy load. */
  public static final int DEFAULT_CAPACITY = 8_192;

  /** How a transaction enters a shard's pool (called on the chain thread). */
  @FunctionalInterface
  public interface Admission {
    AddResult admit(ShardId shard, Transaction tx, SenderResult sender);
  }

  /** A transaction to admit, and who waits for the verdict. */
  private record Waiting(
      ShardId shard, Transaction tx, SenderResult sender, CompletableFuture<AddResult> result) {}

  private final ChainExecutor executor;
  private final Admission admission;
  private final int capacity;
  private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  public TransactionIntake(ChainExecutor executor, Admission admission, int capacity) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.admission = Objects.requireNonNull(admission, "admission");
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** Queues {@code tx} for {@code shard}'s pool; the future completes with the pool's verdict. */
  public CompletableFuture<AddResult> offer(ShardId shard, Transaction tx, SenderResult sender) {
    if (waiting.incrementAndGet() > capacity) {
      waiting.decrementAndGet();
      return CompletableFuture.completedFuture(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    }
    CompletableFuture<AddResult> result = new CompletableFuture<>();
    queue.add(new Waiting(shard, tx, sender, result));
    if (drainScheduled.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
    return result;
  }

  /** Transactions queued and not yet admitted. */
  public int waiting() {
    return waiting.get();
  }

  /** On the chain thread: admits up to one chunk, then queues itself again if more wait. */
  private void drain() {
    for (int i = 0; i < CHUNK; i++) {
      Waiting next = queue.poll();
      if (next == null) {
        break;
      }
      waiting.decrementAndGet();
      try {
        next.result().complete(admission.admit(next.shard(), next.tx(), next.sender()));
      } catch (RuntimeException e) {
        next.result().completeExceptionally(e);
      }
    }
    drainScheduled.set(false);
    // A transaction offered after the last poll but before the flag cleared scheduled nothing.
    if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }
}
