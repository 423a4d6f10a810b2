package io.basalt.shard.mempool;

import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Selecting a 30M-gas block (about 1,428 transfers) from a full default-sized pool of 8,192
 * transactions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MempoolSelectionBenchmark {

  /** Senders sharing the 8,192 transactions: 8,192 senders of 1, or 128 senders of 64. */
  @Param({"8192", "128"})
  public int senders;

  private ShardMempool pool;

  @Setup(Level.Trial)
  public void fill() {
    pool = new ShardMempool(MempoolConfig.DEFAULT, BenchPool.richHead());
    int perSender = MempoolConfig.DEFAULT.maxTransactions() / senders;
    Transaction[] transactions = new Transaction[senders * perSender];
    int i = 0;
    for (int sender = 0; sender < senders; sender++) {
      for (int nonce = 0; nonce < perSender; nonce++) {
        BigInteger tip = BenchPool.GWEI.multiply(BigInteger.valueOf(1 + (sender * 7 + nonce) % 50));
        transactions[i++] = BenchPool.transfer(sender, nonce, tip);
      }
    }
    BenchPool.addAll(pool, transactions);
  }

  @Benchmark
  public List<PooledTransaction> selectForBlock() {
    return pool.selectForBlock(BenchPool.GWEI, BenchPool.GAS_LIMIT);
  }
}
