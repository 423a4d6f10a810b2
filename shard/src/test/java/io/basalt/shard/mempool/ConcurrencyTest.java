package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Transaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two threads add while a third selects: every selection is executable (each sender's nonces
 * contiguous from its account nonce, no duplicates) and the pool ends holding every admitted one.
 */
class ConcurrencyTest {

  private static final int SENDERS_PER_THREAD = 4;
  private static final int NONCES = 16;

  @Test
  void shouldStayConsistentWhileAddingAndSelectingConcurrently() throws Exception {
    StubPoolContext context = new StubPoolContext();
    List<List<Transaction>> batches = List.of(new ArrayList<>(), new ArrayList<>());
    for (int thread = 0; thread < 2; thread++) {
      for (int s = 0; s < SENDERS_PER_THREAD; s++) {
        int sender = thread * SENDERS_PER_THREAD + s;
        context.fund(TestTx.address(sender), 0, ETHER);
        for (int nonce = 0; nonce < NONCES; nonce++) {
          batches.get(thread).add(TestTx.from(sender).nonce(nonce).fees(1 + nonce % 5, 50).sign());
        }
      }
    }
    ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, context);
    ExecutorService executor = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean adding = new AtomicBoolean(true);
      List<Future<Integer>> adders = new ArrayList<>();
      for (List<Transaction> batch : batches) {
        adders.add(
            executor.submit(
                () -> {
                  start.await();
                  int added = 0;
                  for (Transaction tx : batch) {
                    if (pool.add(tx).status() == AddResult.Status.ADDED) {
                      added++;
                    }
                  }
                  return added;
                }));
      }
      Future<Integer> selector =
          executor.submit(
              () -> {
                start.await();
                int selections = 0;
                do {
                  assertExecutable(pool.selectForBlock(GWEI, UInt64.valueOf(30_000_000)));
                  assertThat(pool.size()).isLessThanOrEqualTo(2 * SENDERS_PER_THREAD * NONCES);
                  selections++;
                } while (adding.get());
                return selections;
              });
      start.countDown();
      int added = adders.get(0).get() + adders.get(1).get();
      adding.set(false);

      assertThat(selector.get()).isPositive();
      assertThat(added).isEqualTo(2 * SENDERS_PER_THREAD * NONCES);
      assertThat(pool.size()).isEqualTo(added);
      assertThat(pool.pendingCount()).isEqualTo(added);
      assertThat(pool.selectForBlock(GWEI, UInt64.valueOf(30_000_000))).hasSize(added);
    } finally {
      executor.shutdownNow();
    }
  }

  /** Each sender's selected nonces run 0, 1, 2, ... in the order selected; no hash twice. */
  private static void assertExecutable(List<PooledTransaction> block) {
    Map<Address, Long> nextNonce = new HashMap<>();
    Set<Object> hashes = new HashSet<>();
    for (PooledTransaction pooled : block) {
      long expected = nextNonce.getOrDefault(pooled.sender(), 0L);
      assertThat(pooled.tx().nonce()).isEqualTo(UInt64.valueOf(expected));
      nextNonce.put(pooled.sender(), expected + 1);
      assertThat(hashes.add(pooled.tx().hash())).isTrue();
    }
  }
}
