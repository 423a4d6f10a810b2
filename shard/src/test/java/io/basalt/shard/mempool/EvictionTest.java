package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Transaction;
import org.junit.jupiter.api.Test;

/**
 * A full pool makes room by evicting the cheapest sender's highest nonce, and only for a newcomer
 * paying a strictly higher tip; a sender's lower nonce never goes while a higher one stays.
 * Transactions behind a nonce gap go first, and an executable newcomer always outranks them.
 */
class EvictionTest {

  private final StubPoolContext context = new StubPoolContext();
  private final ShardMempool pool = new ShardMempool(new MempoolConfig(4, 4, 64, 10), context);

  EvictionTest() {
    for (int i = 0; i < 8; i++) {
      context.fund(TestTx.address(i), 0, ETHER);
    }
  }

  private Transaction add(int sender, long nonce, long tipGwei) {
    Transaction tx = TestTx.from(sender).nonce(nonce).fees(tipGwei, 100).sign();
    AddResult result = pool.add(tx);
    assertThat(result.status()).as("adding %s", tx).isEqualTo(AddResult.Status.ADDED);
    return tx;
  }

  @Test
  void shouldEvictTheCheapestForAHigherTip() {
    Transaction cheapest = add(0, 0, 1);
    add(1, 0, 2);
    add(2, 0, 3);
    add(3, 0, 4);

    Transaction richer = TestTx.from(4).fees(5, 100).sign();

    assertThat(pool.add(richer).status()).isEqualTo(AddResult.Status.ADDED);
    assertThat(pool.contains(cheapest.hash())).isFalse();
    assertThat(pool.size()).isEqualTo(4);
  }

  @Test
  void shouldRefuseANewcomerPayingNoMoreThanTheCheapest() {
    add(0, 0, 2);
    add(1, 0, 3);
    add(2, 0, 4);
    add(3, 0, 5);

    assertThat(pool.add(TestTx.from(4).fees(2, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(pool.add(TestTx.from(4).fees(1, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(pool.size()).isEqualTo(4);
  }

  @Test
  void shouldOnlyEvictASendersHighestNonce() {
    Transaction lowTipFirst = add(0, 0, 1);
    Transaction highTipSecond = add(0, 1, 50);
    Transaction middle = add(1, 0, 20);
    add(2, 0, 30);

    assertThat(pool.add(TestTx.from(3).fees(25, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(pool.contains(lowTipFirst.hash())).isTrue();
    assertThat(pool.contains(highTipSecond.hash())).isTrue();
    assertThat(pool.contains(middle.hash())).isFalse();
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldNotEvictTheNewcomersOwnLowerNonce() {
    ShardMempool roomy = new ShardMempool(new MempoolConfig(4, 4, 64, 10), context);
    for (int nonce = 0; nonce < 3; nonce++) {
      roomy.add(TestTx.from(0).nonce(nonce).fees(1, 100).sign());
    }
    roomy.add(TestTx.from(1).fees(95, 100).sign());

    // Alice's nonce 2 is the cheapest tail, but evicting it would strand nonce 3 behind a gap.
    assertThat(roomy.add(TestTx.from(0).nonce(3).fees(90, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(roomy.pendingCount()).isEqualTo(4);
  }

  @Test
  void shouldEvictAnotherSenderRatherThanOpenAGapBelowTheNewcomer() {
    ShardMempool roomy = new ShardMempool(new MempoolConfig(4, 4, 64, 10), context);
    for (int nonce = 0; nonce < 3; nonce++) {
      roomy.add(TestTx.from(0).nonce(nonce).fees(1, 100).sign());
    }
    Transaction other = TestTx.from(1).fees(5, 100).sign();
    roomy.add(other);

    assertThat(roomy.add(TestTx.from(0).nonce(3).fees(90, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);
    assertThat(roomy.contains(other.hash())).isFalse();
    assertThat(roomy.pendingCount()).isEqualTo(4);
  }

  @Test
  void shouldEvictTheSendersOwnQueuedTailForALowerNonce() {
    add(0, 0, 1);
    Transaction queued = add(0, 2, 1);
    add(1, 0, 10);
    add(2, 0, 10);
    assertThat(pool.queuedCount()).isEqualTo(1);

    assertThat(pool.add(TestTx.from(0).nonce(1).fees(5, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(pool.contains(queued.hash())).isFalse();
    assertThat(pool.pendingCount()).isEqualTo(4);
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldPreferEvictingTheLaterArrivalAmongEqualTips() {
    Transaction older = add(0, 0, 3);
    Transaction newer = add(1, 0, 3);
    add(2, 0, 9);
    add(3, 0, 9);

    pool.add(TestTx.from(4).fees(4, 100).sign());

    assertThat(pool.contains(older.hash())).isTrue();
    assertThat(pool.contains(newer.hash())).isFalse();
  }

  @Test
  void shouldRankVictimsByTipAtTheCurrentBaseFee() {
    ShardMempool two = new ShardMempool(new MempoolConfig(2, 2, 64, 10), context);
    Transaction cappedLow = TestTx.from(0).fees(9, 10).sign(); // tip 9 at 1 gwei, 2 at 8 gwei
    Transaction steady = TestTx.from(1).fees(5, 100).sign(); // tip 5 at both
    two.add(cappedLow);
    two.add(steady);
    assertThat(two.add(TestTx.from(2).fees(4, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));

    context.baseFee(TestTx.GWEI.multiply(java.math.BigInteger.valueOf(8)));
    two.onNewHead();

    assertThat(two.add(TestTx.from(2).fees(4, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);
    assertThat(two.contains(cappedLow.hash())).isFalse();
    assertThat(two.contains(steady.hash())).isTrue();
  }

  @Test
  void shouldLetAnExecutableNewcomerTakeAQueuedTransactionsPlaceWhateverItsTip() {
    // The pool is full of transactions waiting for nonce 0 of their senders, at high tips.
    for (int sender = 0; sender < 4; sender++) {
      add(sender, 1, 50);
    }
    assertThat(pool.pendingCount()).isZero();

    // A cheap newcomer that can run gets in; so does the transaction closing sender 1's gap.
    assertThat(pool.add(TestTx.from(4).fees(1, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);
    assertThat(pool.add(TestTx.from(1).nonce(0).fees(1, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(pool.size()).isEqualTo(4);
    assertThat(pool.pendingCount()).isGreaterThanOrEqualTo(2);
    assertThat(pool.selectForBlock(TestTx.GWEI, UInt64.valueOf(30_000_000))).isNotEmpty();
    // A queued newcomer still needs a higher tip than the cheapest it would replace.
    assertThat(pool.add(TestTx.from(5).nonce(1).fees(1, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
  }

  @Test
  void shouldEvictAQueuedTransactionBeforeACheaperPendingOne() {
    Transaction cheapPending = add(0, 0, 1);
    Transaction queued = add(1, 1, 40);
    add(2, 0, 30);
    add(3, 0, 30);

    assertThat(pool.add(TestTx.from(4).fees(2, 100).sign()).status())
        .isEqualTo(AddResult.Status.ADDED);

    assertThat(pool.contains(queued.hash())).isFalse();
    assertThat(pool.contains(cheapPending.hash())).isTrue();
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldSeeAGapClosedByAnotherPoolsBlockAsPendingAgain() {
    // Sender 0's nonces 2 and 3 wait for 0 and 1, which this pool never saw.
    add(0, 2, 5);
    Transaction tail = add(0, 3, 5);
    add(1, 0, 9);
    add(2, 0, 9);
    // Another node's block ran nonces 0 and 1: nothing here is dropped, but 2 and 3 now run.
    context.fund(TestTx.address(0), 2, ETHER);
    pool.onNewHead();
    assertThat(pool.pendingCount()).isEqualTo(4);

    // So an executable newcomer at the same tip no longer outranks the tail.
    assertThat(pool.add(TestTx.from(3).fees(5, 100).sign()))
        .isEqualTo(new AddResult.Rejected(PoolRejection.TXPOOL_FULL));
    assertThat(pool.contains(tail.hash())).isTrue();
  }
}
