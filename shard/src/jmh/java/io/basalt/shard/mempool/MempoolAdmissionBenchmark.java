package io.basalt.shard.mempool;

import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Admitting transfers, sender recovery included, into a pool that is empty or full. In the full
 * pool (8,192 single-transaction senders at a 1 gwei tip) every newcomer pays 2 gwei and evicts
 * one, so each add also runs the eviction scan over every sender. A batch of {@link #BATCH} adds is
 * one operation and the pool is rebuilt before each; divide the time by {@link #BATCH}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(batchSize = 1)
@Measurement(batchSize = 1)
public class MempoolAdmissionBenchmark {

  static final int BATCH = 4_096;
  private static final int FULL = MempoolConfig.DEFAULT.maxTransactions();

  private Transaction[] residents;
  private Transaction[] newcomers;
  private ShardMempool emptyPool;
  private ShardMempool fullPool;

  @Setup(Level.Trial)
  public void sign() {
    residents = new Transaction[FULL];
    for (int i = 0; i < FULL; i++) {
      residents[i] = BenchPool.transfer(i, 0, BenchPool.GWEI);
    }
    newcomers = new Transaction[BATCH];
    for (int i = 0; i < BATCH; i++) {
      newcomers[i] = BenchPool.transfer(FULL + i, 0, BenchPool.GWEI.multiply(BigInteger.TWO));
    }
  }

  @Setup(Level.Iteration)
  public void fill() {
    emptyPool = new ShardMempool(MempoolConfig.DEFAULT, BenchPool.richHead());
    fullPool = new ShardMempool(MempoolConfig.DEFAULT, BenchPool.richHead());
    BenchPool.addAll(fullPool, residents);
  }

  @Benchmark
  public int addBatchToEmptyPool() {
    return addBatch(emptyPool);
  }

  @Benchmark
  public int addBatchToFullPoolEvicting() {
    return addBatch(fullPool);
  }

  private int addBatch(ShardMempool pool) {
    for (Transaction tx : newcomers) {
      if (pool.add(tx).status() != AddResult.Status.ADDED) {
        throw new IllegalStateException("Newcomer not admitted: " + tx.hash());
      }
    }
    return pool.size();
  }
}
