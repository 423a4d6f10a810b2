package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Pending and queued per sender, and how a new head prunes, demotes and promotes. */
class NonceLifecycleTest {

  private static final Address ALICE = TestTx.address(0);

  private final StubPoolContext context = new StubPoolContext().fund(ALICE, 0, ETHER);
  private final ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, context);

  private Transaction add(long nonce) {
    Transaction tx = TestTx.from(0).nonce(nonce).sign();
    assertThat(pool.add(tx).status()).isEqualTo(AddResult.Status.ADDED);
    return tx;
  }

  @Test
  void shouldQueueAfterAGapAndPromoteWhenItCloses() {
    add(0);
    add(2);
    add(3);

    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.queuedCount()).isEqualTo(2);
    assertThat(pool.nextNonce(ALICE)).isEqualTo(UInt64.ONE);

    add(1);

    assertThat(pool.pendingCount()).isEqualTo(4);
    assertThat(pool.queuedCount()).isZero();
    assertThat(pool.nextNonce(ALICE)).isEqualTo(UInt64.valueOf(4));
  }

  @Test
  void shouldGiveTheAccountNonceForASenderWithNothingPooled() {
    context.fund(TestTx.address(1), 7, ETHER);

    assertThat(pool.nextNonce(TestTx.address(1))).isEqualTo(UInt64.valueOf(7));
  }

  @Test
  void shouldDropIncludedNoncesOnANewHead() {
    Transaction first = add(0);
    Transaction second = add(1);
    Transaction third = add(2);
    context.fund(ALICE, 2, ETHER);

    assertThat(pool.onNewHead()).isEqualTo(2);

    assertThat(pool.contains(first.hash())).isFalse();
    assertThat(pool.contains(second.hash())).isFalse();
    assertThat(pool.contains(third.hash())).isTrue();
    assertThat(pool.pendingCount()).isEqualTo(1);
    assertThat(pool.nextNonce(ALICE)).isEqualTo(UInt64.valueOf(3));
  }

  @Test
  void shouldDemoteToQueuedWhenAReorgReopensAGapAndPromoteWhenReAdded() {
    context.fund(ALICE, 2, ETHER);
    add(2);
    add(3);
    assertThat(pool.pendingCount()).isEqualTo(2);

    context.fund(ALICE, 1, ETHER); // the block with nonce 1 was reorganised away
    assertThat(pool.onNewHead()).isZero();

    assertThat(pool.pendingCount()).isZero();
    assertThat(pool.queuedCount()).isEqualTo(2);
    assertThat(pool.selectForBlock(GWEI, UInt64.valueOf(30_000_000))).isEmpty();

    add(1); // the caller re-adds the abandoned block's transaction

    assertThat(pool.pendingCount()).isEqualTo(3);
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldPutBackTheTransactionsOfAbandonedBlocksInNonceOrder() {
    Transaction zero = TestTx.from(0).nonce(0).sign();
    Transaction one = TestTx.from(0).nonce(1).sign();
    context.fund(ALICE, 2, ETHER); // a block with nonces 0 and 1 was imported
    add(2);
    add(3);

    context.fund(ALICE, 1, ETHER); // a reorg abandoned it; the new chain executed nonce 0 only
    pool.onNewHead();
    assertThat(pool.pendingCount()).isZero();

    int added = pool.readd(List.of(zero.encode(), Bytes.fromHexString("0x02c0"), one.encode()));

    assertThat(added).isEqualTo(1); // nonce 0 is stale, the garbage is skipped
    assertThat(pool.contains(zero.hash())).isFalse();
    assertThat(pool.contains(one.hash())).isTrue();
    assertThat(pool.pendingCount()).isEqualTo(3);
    assertThat(pool.queuedCount()).isZero();
  }

  @Test
  void shouldDropWhatTheNewBalanceNoLongerCoversAndEverythingAfterIt() {
    Transaction first = add(0);
    Transaction second = add(1);
    Transaction third = add(2);
    BigInteger oneTransfer = GWEI.multiply(BigInteger.valueOf(10L * 21_000)).add(BigInteger.ONE);
    context.fund(ALICE, 0, oneTransfer.add(oneTransfer).subtract(BigInteger.ONE));

    assertThat(pool.onNewHead()).isEqualTo(2);

    assertThat(pool.contains(first.hash())).isTrue();
    assertThat(pool.contains(second.hash())).isFalse();
    assertThat(pool.contains(third.hash())).isFalse();
  }

  @Test
  void shouldDropTransactionsAboveALoweredBlockGasLimit() {
    Transaction small = add(0);
    Transaction big = TestTx.from(0).nonce(1).gas(50_000).sign();
    pool.add(big);
    context.blockGasLimit(40_000);

    assertThat(pool.onNewHead()).isEqualTo(1);

    assertThat(pool.contains(small.hash())).isTrue();
    assertThat(pool.contains(big.hash())).isFalse();
  }

  @Test
  void shouldKeepButNotSelectTransactionsBelowARisenBaseFee() {
    Transaction tx = add(0);
    BigInteger highBaseFee = GWEI.multiply(BigInteger.valueOf(11));
    context.baseFee(highBaseFee);

    assertThat(pool.onNewHead()).isZero();

    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(pool.selectForBlock(highBaseFee, UInt64.valueOf(30_000_000))).isEmpty();
    assertThat(pool.selectForBlock(GWEI, UInt64.valueOf(30_000_000))).hasSize(1);
  }

  @Test
  void shouldForgetSendersWhoseTransactionsAllWent() {
    add(0);
    context.fund(ALICE, 1, ETHER);
    pool.onNewHead();

    assertThat(pool.size()).isZero();
    assertThat(pool.pendingCount()).isZero();
    assertThat(pool.nextNonce(ALICE)).isEqualTo(UInt64.ONE);
  }

  @Test
  void shouldPruneAStaleSenderWhenItAddsAgain() {
    Transaction stale = add(0);
    context.fund(ALICE, 1, ETHER); // head moved; onNewHead not yet called

    add(1);

    assertThat(pool.contains(stale.hash())).isFalse();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.pendingCount()).isEqualTo(1);
  }
}
