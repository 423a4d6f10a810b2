package io.basalt.shard.mempool;

import static io.basalt.shard.mempool.TestTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.transaction.TransactionValidator.Account;
import io.basalt.execution.transaction.TransactionValidator.NonceMode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever is offered, the pool stays within its bounds, and every block it selects executes in
 * order against a plain account model (nonce must match, balance must cover the upfront cost, as
 * block inclusion checks) without an error. The model charges each transaction its whole upfront
 * cost, the worst case, so the pool's per-sender funds accounting is tested at its limit.
 */
class MempoolPropertyTest {

  private static final int SENDERS = 4;
  private static final MempoolConfig CONFIG = new MempoolConfig(8, 4, 3, 10);

  /** A unit of balance: a 21,000-gas transfer at 1 gwei. */
  private static final BigInteger UNIT = GWEI.multiply(BigInteger.valueOf(21_000));

  sealed interface Action {}

  record Add(int sender, int nonceAhead, int tipGwei, int maxFeeGwei, int gas, int valueUnits)
      implements Action {}

  record Mine(int baseFeeGwei, int gasLimit) implements Action {}

  @Provide
  Arbitrary<List<Action>> actions() {
    Arbitrary<Action> add =
        Combinators.combine(
                Arbitraries.integers().between(0, SENDERS - 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(1, 12),
                Arbitraries.of(21_000, 30_000, 45_000),
                Arbitraries.integers().between(0, 5))
            .as(Add::new);
    Arbitrary<Action> mine =
        Combinators.combine(
                Arbitraries.integers().between(1, 8), Arbitraries.of(21_000, 66_000, 200_000))
            .as(Mine::new);
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, add), net.jqwik.api.Tuple.of(1, mine))
        .list()
        .ofMinSize(1)
        .ofMaxSize(24);
  }

  @Property(tries = 120)
  void selectionsExecuteAndBoundsHold(
      @ForAll("actions") List<Action> actions, @ForAll("balances") List<Integer> balanceUnits) {
    StubPoolContext context = new StubPoolContext();
    for (int i = 0; i < SENDERS; i++) {
      context.fund(TestTx.address(i), 0, UNIT.multiply(BigInteger.valueOf(balanceUnits.get(i))));
    }
    ShardMempool pool = new ShardMempool(CONFIG, context);
    List<Transaction> offered = new ArrayList<>();
    for (Action action : List.copyOf(actions)) {
      switch (action) {
        case Add add -> offered.add(offer(pool, context, add));
        case Mine mine -> mine(pool, context, mine);
      }
      assertBounds(pool, offered);
    }
    mine(pool, context, new Mine(1, 30_000_000));
  }

  @Provide
  Arbitrary<List<Integer>> balances() {
    return Arbitraries.integers().between(0, 80).list().ofSize(SENDERS);
  }

  private static Transaction offer(ShardMempool pool, StubPoolContext context, Add add) {
    Address sender = TestTx.address(add.sender());
    long nonce = context.account(sender).nonce().longValue() + add.nonceAhead();
    Transaction tx =
        TestTx.from(add.sender())
            .nonce(nonce)
            .fees(Math.min(add.tipGwei(), add.maxFeeGwei()), add.maxFeeGwei())
            .gas(add.gas())
            .value(UNIT.multiply(BigInteger.valueOf(add.valueUnits())))
            .sign();
    AddResult result = pool.add(tx);
    boolean known =
        result instanceof AddResult.Rejected rejected
            && rejected.reason() == PoolRejection.ALREADY_KNOWN;
    assertThat(pool.contains(tx.hash()))
        .as("pooled exactly when added or already known: %s", result)
        .isEqualTo(result.status() != AddResult.Status.REJECTED || known);
    return tx;
  }

  /** Selects a block, executes it against the model, and moves the head. */
  private static void mine(ShardMempool pool, StubPoolContext context, Mine mine) {
    BigInteger baseFee = GWEI.multiply(BigInteger.valueOf(mine.baseFeeGwei()));
    UInt64 gasLimit = UInt64.valueOf(mine.gasLimit());
    List<PooledTransaction> block = pool.selectForBlock(baseFee, gasLimit);
    UInt64 gasUsed = UInt64.ZERO;
    for (PooledTransaction pooled : block) {
      Transaction tx = pooled.tx();
      Account account = context.account(pooled.sender());
      assertThat(TransactionValidator.validateAgainstAccount(tx, baseFee, account, NonceMode.EXACT))
          .as("executing %s against %s", tx, account)
          .isEmpty();
      gasUsed = gasUsed.plus(tx.gasLimit());
      // The most a transaction can be charged: all its gas at its fee cap, plus its value.
      BigInteger paid = FeeMarket.upfrontCost(tx);
      context.fund(
          pooled.sender(), account.nonce().longValue() + 1, account.balance().subtract(paid));
    }
    assertThat(gasUsed.isLessThanOrEqualTo(gasLimit)).isTrue();
    context.baseFee(baseFee);
    pool.onNewHead();
  }

  private static void assertBounds(ShardMempool pool, List<Transaction> offered) {
    assertThat(pool.size()).isLessThanOrEqualTo(CONFIG.maxTransactions());
    assertThat(pool.pendingCount() + pool.queuedCount()).isEqualTo(pool.size());
    Map<Address, Integer> perSender = new HashMap<>();
    int pooled = 0;
    for (Transaction tx : offered.stream().distinct().toList()) {
      var held = pool.get(tx.hash());
      if (held.isPresent()) {
        pooled++;
        perSender.merge(held.get().sender(), 1, Integer::sum);
      }
    }
    assertThat(pooled).isEqualTo(pool.size());
    assertThat(perSender.values()).allMatch(count -> count <= CONFIG.maxPerSender());
  }
}
