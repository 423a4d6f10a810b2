package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.ETHER;
import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.execution.transaction.Transaction;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Same sender and nonce: replaced only when both fee fields rise by the price bump. */
class ReplacementTest {

  private final StubPoolContext context = new StubPoolContext().fund(TestTx.address(0), 0, ETHER);
  private final ShardMempool pool = new ShardMempool(MempoolConfig.DEFAULT, context);

  private static final AddResult UNDERPRICED =
      new AddResult.Rejected(PoolRejection.REPLACEMENT_UNDERPRICED);

  @Test
  void shouldReplaceAtExactlyTenPercentMore() {
    Transaction old = TestTx.from(0).fees(10, 100).sign();
    pool.add(old);
    Transaction bumped = TestTx.from(0).fees(11, 110).sign();

    AddResult result = pool.add(bumped);

    assertThat(result.status()).isEqualTo(AddResult.Status.REPLACED);
    assertThat(((AddResult.Replaced) result).replacedHash()).isEqualTo(old.hash());
    assertThat(pool.contains(old.hash())).isFalse();
    assertThat(pool.contains(bumped.hash())).isTrue();
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.pendingCount()).isEqualTo(1);
  }

  @Test
  void shouldRefuseWhenEitherFeeFieldIsShortOfTheBump() {
    Transaction old = TestTx.from(0).fees(10, 100).sign();
    pool.add(old);
    BigInteger justShortFee = GWEI.multiply(BigInteger.valueOf(110)).subtract(BigInteger.ONE);
    BigInteger justShortTip = GWEI.multiply(BigInteger.valueOf(11)).subtract(BigInteger.ONE);

    assertThat(
            pool.add(
                TestTx.from(0).feesWei(GWEI.multiply(BigInteger.valueOf(11)), justShortFee).sign()))
        .isEqualTo(UNDERPRICED);
    assertThat(
            pool.add(
                TestTx.from(0)
                    .feesWei(justShortTip, GWEI.multiply(BigInteger.valueOf(200)))
                    .sign()))
        .isEqualTo(UNDERPRICED);
    assertThat(pool.add(TestTx.from(0).fees(10, 200).sign())).isEqualTo(UNDERPRICED);
    assertThat(UNDERPRICED.status()).isEqualTo(AddResult.Status.REJECTED);
    assertThat(((AddResult.Rejected) UNDERPRICED).message())
        .isEqualTo("replacement transaction underpriced");
    assertThat(pool.contains(old.hash())).isTrue();
  }

  @Test
  void shouldRequireAStrictRiseEvenFromAZeroTip() {
    pool.add(TestTx.from(0).fees(0, 100).sign());

    assertThat(
            pool.add(
                TestTx.from(0)
                    .feesWei(BigInteger.ZERO, GWEI.multiply(BigInteger.valueOf(200)))
                    .sign()))
        .isEqualTo(UNDERPRICED);
    assertThat(
            pool.add(
                    TestTx.from(0)
                        .feesWei(BigInteger.ONE, GWEI.multiply(BigInteger.valueOf(110)))
                        .sign())
                .status())
        .isEqualTo(AddResult.Status.REPLACED);
  }

  @Test
  void shouldReplaceLegacyByGasPrice() {
    pool.add(TestTx.from(0).fees(100, 100).signLegacy());

    assertThat(pool.add(TestTx.from(0).fees(109, 109).signLegacy())).isEqualTo(UNDERPRICED);
    assertThat(pool.add(TestTx.from(0).fees(110, 110).signLegacy()).status())
        .isEqualTo(AddResult.Status.REPLACED);
  }

  @Test
  void shouldHonourAConfiguredBump() {
    ShardMempool strict = new ShardMempool(new MempoolConfig(16, 16, 64, 50), context);
    strict.add(TestTx.from(0).fees(10, 100).sign());

    assertThat(strict.add(TestTx.from(0).fees(14, 149).sign())).isEqualTo(UNDERPRICED);
    assertThat(strict.add(TestTx.from(0).fees(15, 150).sign()).status())
        .isEqualTo(AddResult.Status.REPLACED);
  }

  @Test
  void shouldCountOnlyTheReplacementAgainstTheBalance() {
    context.fund(TestTx.address(0), 0, GWEI.multiply(BigInteger.valueOf(21_000L * 110)));
    pool.add(TestTx.from(0).fees(10, 100).value(BigInteger.ZERO).sign());

    assertThat(pool.add(TestTx.from(0).fees(11, 110).value(BigInteger.ZERO).sign()).status())
        .isEqualTo(AddResult.Status.REPLACED);
  }
}
