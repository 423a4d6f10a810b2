package io.basalt.execution.processor;

import static io.basalt.execution.processor.ProcessorFixture.CONTRACTS;
import static io.basalt.execution.processor.ProcessorFixture.FEE_RECIPIENT;
import static io.basalt.execution.processor.SignedTx.ETHER;
import static io.basalt.execution.processor.SignedTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.Staking;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.TrieTestSupport;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Over random blocks of transfers, cross-shard transfers, deposits and failing calls, the shard's
 * total balance changes by exactly −burned − outgoing value; refused transactions change nothing.
 */
class SupplyInvariantPropertyTest {

  private static final List<SecpPrivateKey> KEYS =
      List.of(
          SignedTx.KEY_0,
          SignedTx.KEY_1,
          SecpPrivateKey.fromHexString(
              "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"));

  enum Kind {
    TRANSFER,
    CROSS_SHARD,
    DEPOSIT,
    OUT_OF_GAS,
    SETTLEMENT,
    BAD_NONCE
  }

  record Action(Kind kind, int sender, int recipient, long amount, int shard, boolean flag) {}

  @Provide
  Arbitrary<List<Action>> blocks() {
    Arbitrary<Action> action =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, KEYS.size() - 1),
                Arbitraries.integers().between(0, 4),
                Arbitraries.longs()
                    .between(0, 4_000_000_000L)
                    .withDistribution(RandomDistribution.uniform()),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(true, false))
            .as(Action::new);
    return action.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 80)
  void shouldBurnFeesAndSendOutValueOnly(@ForAll("blocks") List<Action> actions) {
    WorldState state = WorldState.empty(TrieTestSupport.memoryNodeStore());
    Set<Address> tracked = new LinkedHashSet<>();
    Map<Integer, Long> nonces = new HashMap<>();
    for (int i = 0; i < KEYS.size(); i++) {
      Address address = SignedTx.addressOf(KEYS.get(i));
      state.put(
          address, Account.of(UInt64.ZERO, new Wei(ETHER.multiply(BigInteger.valueOf(1_000)))));
      tracked.add(address);
      nonces.put(i, 0L);
    }
    List<Address> recipients = new ArrayList<>(tracked);
    recipients.add(Address.fromHexString("0x00000000000000000000000000000000000000aa"));
    recipients.add(Address.fromHexString("0x00000000000000000000000000000000000000bb"));
    tracked.addAll(recipients);
    tracked.add(FEE_RECIPIENT);
    tracked.add(SystemContracts.CROSS_SHARD);
    tracked.add(SystemContracts.STAKING);
    tracked.add(SystemContracts.SETTLEMENT);
    BigInteger before = total(state, tracked);

    BlockExecution block = new BlockExecutor(CONTRACTS).start(state, ProcessorFixture.env());
    for (Action action : actions) {
      long nonce = nonces.get(action.sender());
      SignedTx tx = build(action, recipients, nonce);
      Bytes32 root = state.rootHash();
      ApplyResult result = block.tryApply(tx.recovered());
      if (result instanceof ApplyResult.Rejected) {
        assertThat(state.rootHash()).isEqualTo(root);
      } else {
        nonces.put(action.sender(), nonce + 1);
      }
      assertThat(result instanceof ApplyResult.Rejected).isEqualTo(action.kind() == Kind.BAD_NONCE);
    }

    ExecutionResult result = block.result();
    for (OutgoingMessage message : result.outgoing()) {
      Statistics.label("outgoing").collect(message.getClass().getSimpleName());
    }
    Statistics.label("outgoing")
        .coverage(
            coverage -> {
              coverage.check("CrossShardTransfer").count(n -> n > 0);
              coverage.check("StakingDeposit").count(n -> n > 0);
            });
    BigInteger outgoing = TransactionProcessor.totalValue(result.outgoing()).value();
    assertThat(total(state, tracked).subtract(before))
        .isEqualTo(result.burned().value().add(outgoing).negate());
    assertThat(result.tips().value()).isEqualTo(ProcessorFixture.balance(state, FEE_RECIPIENT));
  }

  private static SignedTx build(Action action, List<Address> recipients, long nonce) {
    BigInteger wei =
        BigInteger.valueOf(action.amount()).multiply(BigInteger.valueOf(1_000_000_000));
    SignedTx tx =
        SignedTx.transfer()
            .key(KEYS.get(action.sender()))
            .nonce(nonce)
            .value(wei)
            .fees(GWEI, GWEI.multiply(BigInteger.valueOf(action.flag() ? 8 : 20)))
            .to(recipients.get(action.recipient()));
    return switch (action.kind()) {
      case TRANSFER -> tx;
      case BAD_NONCE -> tx.nonce(nonce + 1);
      case CROSS_SHARD, OUT_OF_GAS ->
          tx.to(SystemContracts.CROSS_SHARD)
              .gasLimit(action.kind() == Kind.OUT_OF_GAS ? 30_000 : 100_000)
              .data(
                  CrossShard.TRANSFER.encodeCall(
                      List.of(
                          BigInteger.valueOf(action.shard()), recipients.get(action.recipient()))));
      case DEPOSIT ->
          tx.to(SystemContracts.STAKING)
              .gasLimit(200_000)
              .value(depositValue(action.amount()))
              .data(
                  Staking.DEPOSIT.encodeCall(
                      List.of(
                          ProcessorFixture.pubkey(),
                          recipients.get(action.recipient()),
                          ProcessorFixture.signature(action.flag()))));
      case SETTLEMENT ->
          tx.to(SystemContracts.SETTLEMENT).gasLimit(50_000).data(Bytes.of(1, 2, 3, 4));
    };
  }

  /** Mostly valid stakes of 1 to 5 ETH; every third is not whole gwei, every fifth too small. */
  private static BigInteger depositValue(long amount) {
    BigInteger gwei = BigInteger.valueOf(1_000_000_000L + amount);
    if (amount % 5 == 0) {
      gwei = BigInteger.valueOf(999_999_999L);
    }
    BigInteger wei = gwei.multiply(BigInteger.valueOf(1_000_000_000L));
    return amount % 3 == 0 ? wei.add(BigInteger.ONE) : wei;
  }

  private static BigInteger total(WorldState state, Set<Address> addresses) {
    BigInteger sum = BigInteger.ZERO;
    for (Address a : addresses) {
      sum = sum.add(ProcessorFixture.balance(state, a));
    }
    return sum;
  }
}
