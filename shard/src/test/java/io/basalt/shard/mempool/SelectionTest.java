package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block selection: best tip first across senders, each sender's nonces in order. */
class SelectionTest {

  private static final UInt64 ROOMY = UInt64.valueOf(30_000_000);

  private final StubPoolContext context = new StubPoolContext();
  private final ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, context);

  SelectionTest() {
    for (int i = 0; i < 4; i++) {
      context.fund(TestTx.address(i), 0, ETHER);
    }
  }

  private Transaction add(TestTx builder) {
    Transaction tx = builder.sign();
    assertThat(pool.add(tx).status()).isEqualTo(AddResult.Status.ADDED);
    return tx;
  }

  private List<Transaction> select(BigInteger baseFee, UInt64 gasLimit) {
    return pool.selectForBlock(baseFee, gasLimit).stream().map(PooledTransaction::tx).toList();
  }

  @Test
  void shouldOrderByTipAcrossSendersKeepingNonceOrder() {
    Transaction a0 = add(TestTx.from(0).nonce(0).fees(5, 100));
    Transaction a1 = add(TestTx.from(0).nonce(1).fees(50, 100));
    Transaction b0 = add(TestTx.from(1).nonce(0).fees(10, 100));
    Transaction c0 = add(TestTx.from(2).nonce(0).fees(1, 100));

    assertThat(select(GWEI, ROOMY)).containsExactly(b0, a0, a1, c0);
  }

  @Test
  void shouldRankByEffectiveTipAtTheGivenBaseFee() {
    // At base fee 1 gwei: a tips 9, b tips 5. At 8 gwei: a tips 2 (capped by 10 - 8), b tips 5.
    Transaction a = add(TestTx.from(0).fees(9, 10));
    Transaction b = add(TestTx.from(1).fees(5, 100));

    assertThat(select(GWEI, ROOMY)).containsExactly(a, b);
    assertThat(select(GWEI.multiply(BigInteger.valueOf(8)), ROOMY)).containsExactly(b, a);
  }

  @Test
  void shouldRankLegacyByGasPriceAboveTheBaseFee() {
    Transaction legacy = TestTx.from(0).fees(7, 7).signLegacy();
    assertThat(pool.add(legacy).status()).isEqualTo(AddResult.Status.ADDED);
    Transaction typed = add(TestTx.from(1).fees(5, 100));

    assertThat(select(GWEI, ROOMY)).containsExactly(legacy, typed);
  }

  @Test
  void shouldBreakTiesByArrival() {
    Transaction first = add(TestTx.from(2).fees(3, 100));
    Transaction second = add(TestTx.from(0).fees(3, 100));
    Transaction third = add(TestTx.from(1).fees(3, 100));

    assertThat(select(GWEI, ROOMY)).containsExactly(first, second, third);
  }

  @Test
  void shouldSkipASenderWhoseNextCannotPayTheBaseFee() {
    add(TestTx.from(0).nonce(0).fees(1, 3));
    add(TestTx.from(0).nonce(1).fees(50, 100));
    Transaction other = add(TestTx.from(1).fees(1, 100));

    assertThat(select(GWEI.multiply(BigInteger.valueOf(4)), ROOMY)).containsExactly(other);
  }

  @Test
  void shouldLeaveOutQueuedTransactions() {
    Transaction pending = add(TestTx.from(0).nonce(0));
    add(TestTx.from(0).nonce(2));

    assertThat(select(GWEI, ROOMY)).containsExactly(pending);
  }

  @Test
  void shouldStopAtTheGasLimit() {
    Transaction a = add(TestTx.from(0).fees(9, 100));
    Transaction b = add(TestTx.from(1).fees(8, 100));
    add(TestTx.from(2).fees(7, 100));

    assertThat(select(GWEI, UInt64.valueOf(62_999))).containsExactly(a, b);
  }

  @Test
  void shouldSkipOneThatDoesNotFitAndTakeSmallerOnes() {
    add(TestTx.from(0).fees(9, 100).gas(50_000));
    Transaction fits = add(TestTx.from(1).fees(1, 100));

    assertThat(select(GWEI, UInt64.valueOf(40_000))).containsExactly(fits);
  }

  @Test
  void shouldKeepSelectedTransactionsPooled() {
    add(TestTx.from(0));

    assertThat(select(GWEI, ROOMY)).hasSize(1);
    assertThat(pool.size()).isEqualTo(1);
    assertThat(select(GWEI, ROOMY)).hasSize(1);
  }
}
