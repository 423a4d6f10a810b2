package io.basalt.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.mempool.PoolRejection;
import io.basalt.shard.mempool.PooledTransaction;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The intake on a real chain executor: chunked admission, order, interleaving and its bound. */
class TransactionIntakeTest {

  private static final ShardId SHARD = ShardId.of(1);
  private static final Address SENDER = Address.fromHexString("0x" + "11".repeat(20));
  private static final SenderResult RECOVERED = new SenderResult.Recovered(SENDER);

  private final ChainExecutor executor = new ChainExecutor();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() {
    executor.close();
  }

  private AddResult admit(ShardId shard, Transaction tx, SenderResult sender) {
    assertThat(executor.onChainThread()).isTrue();
    assertThat(shard).isEqualTo(SHARD);
    events.add("tx " + tx.nonce().longValue());
    return new AddResult.Added(new PooledTransaction(tx, SENDER, tx.nonce().longValue()));
  }

  private static Transaction tx(long nonce) {
    return Eip1559Transaction.unsigned(
        BigInteger.ONE,
        UInt64.valueOf(nonce),
        BigInteger.ONE,
        BigInteger.TEN,
        UInt64.valueOf(21_000),
        Optional.of(SENDER),
        BigInteger.ONE,
        Bytes.EMPTY,
        List.of());
  }

  /** Holds the chain thread until the returned latch opens. */
  private CountDownLatch blockChainThread() {
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(
        () -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    return release;
  }

  @Test
  void shouldAdmitInOrderAndLetTasksQueuedMeanwhileRunBetweenChunks() throws Exception {
    TransactionIntake intake = new TransactionIntake(executor, this::admit, 1_000);
    CountDownLatch release = blockChainThread();
    int count = TransactionIntake.CHUNK * 2 + 10;
    List<CompletableFuture<AddResult>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      results.add(intake.offer(SHARD, tx(i), RECOVERED));
    }
    executor.execute(() -> events.add("block production"));
    assertThat(intake.waiting()).isEqualTo(count);
    release.countDown();

    for (int i = 0; i < count; i++) {
      AddResult result = results.get(i).get(10, TimeUnit.SECONDS);
      assertThat(((AddResult.Added) result).pooled().tx().nonce().longValue()).isEqualTo(i);
    }
    List<String> admitted = events.stream().filter(e -> e.startsWith("tx ")).toList();
    assertThat(admitted).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(admitted.get(i)).isEqualTo("tx " + i);
    }
    // The task queued after the flood ran after the first chunk, not after all of it.
    assertThat(events.indexOf("block production")).isEqualTo(TransactionIntake.CHUNK);
    assertThat(intake.waiting()).isZero();
  }

  @Test
  void shouldRefuseAtOnceWhenFullAndAcceptAgainOnceDrained() throws Exception {
    TransactionIntake intake = new TransactionIntake(executor, this::admit, 3);
    CountDownLatch release = blockChainThread();
    List<CompletableFuture<AddResult>> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queued.add(intake.offer(SHARD, tx(i), RECOVERED));
    }
    CompletableFuture<AddResult> refused = intake.offer(SHARD, tx(3), RECOVERED);

    assertThat(refused).isCompletedWithValue(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(queued).noneMatch(CompletableFuture::isDone);
    release.countDown();
    for (CompletableFuture<AddResult> result : queued) {
      assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(AddResult.Added.class);
    }
    assertThat(intake.offer(SHARD, tx(3), RECOVERED).get(10, TimeUnit.SECONDS))
        .isInstanceOf(AddResult.Added.class);
  }

  @Test
  void shouldFailOnlyTheTransactionWhoseAdmissionThrows() throws Exception {
    TransactionIntake intake =
        new TransactionIntake(
            executor,
            (shard, tx, sender) -> {
              if (tx.nonce().longValue() == 1) {
                throw new IllegalStateException("pool broke");
              }
              return admit(shard, tx, sender);
            },
            10);
    CompletableFuture<AddResult> first = intake.offer(SHARD, tx(0), RECOVERED);
    CompletableFuture<AddResult> broken = intake.offer(SHARD, tx(1), RECOVERED);
    CompletableFuture<AddResult> third = intake.offer(SHARD, tx(2), RECOVERED);

    assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(AddResult.Added.class);
    assertThat(third.get(10, TimeUnit.SECONDS)).isInstanceOf(AddResult.Added.class);
    assertThat(broken).isCompletedExceptionally();
  }
}
