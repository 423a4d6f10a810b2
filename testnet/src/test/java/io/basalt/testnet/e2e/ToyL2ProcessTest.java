package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.InclusionStatus;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.node.cli.BasaltCommand;
import io.basalt.testnet.TestPorts;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetDataDir;
import io.basalt.testnet.TestnetSpec;
import io.basalt.testnet.l2.BatchInfo;
import io.basalt.testnet.l2.BlsCommittee;
import io.basalt.testnet.l2.DepositEvent;
import io.basalt.testnet.l2.L1Client;
import io.basalt.testnet.l2.L1Receipt;
import io.basalt.testnet.l2.L2Batch;
import io.basalt.testnet.l2.L2Exception;
import io.basalt.testnet.l2.SettlementClient;
import io.basalt.testnet.l2.SettlementProofCheck;
import io.basalt.testnet.l2.ToyRollup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example toy L2 against a real testnet (2 node processes, 32 validators, 2 shards), settling
 * on shard 0's Settlement contract through JSON-RPC only. First the happy path: a dev account
 * deposits, the L2 credits it, a batch is committed, refused for withdrawal while in its window,
 * SETTLED once finalized and past its deadline, and the withdrawal is paid once with a proof. Then
 * the adversarial runs: a vetoed batch is REVERTED and its withdrawal refused, and an equivocating
 * operator quorum is challenged: the rollup freezes and its bond goes to the challenger. Last,
 * {@code basalt testnet l2-demo} runs the whole round trip from the testnet's {@code testnet.json}.
 *
 * <p>Heavy: run it under {@code flock /tmp/basalt-heavy.lock}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ToyL2ProcessTest {

  private static final int NODES = 2;
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final BigInteger BOND = ETHER.multiply(BigInteger.TWO);
  private static final long PERIOD = 16;

  @TempDir static Path temp;

  private static Testnet testnet;
  private static SettlementClient settlement;
  private static L1Client l1;
  private static SecpPrivateKey operatorKey;
  private static SecpPrivateKey user;
  private static SecpPrivateKey challenger;
  private static Address userAddress;
  private static final BlsCommittee OPERATORS =
      BlsCommittee.derived("toy-l2/operators", List.of(1L, 1L, 1L, 1L), 3);
  private static final BlsCommittee CHALLENGERS =
      BlsCommittee.derived("toy-l2/challengers", List.of(1L, 1L, 1L), 2);
  private static final Address ALICE =
      Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB =
      Address.fromHexString("0x0000000000000000000000000000000000000b0b");

  // Shared from the happy path with the veto run.
  private static long rollupId;
  private static ToyRollup rollup;
  private static L2Batch batch0;

  @BeforeAll
  static void startTestnet() throws Exception {
    TestnetSpec spec =
        new TestnetSpec(
            NODES,
            32,
            2,
            "local",
            temp.resolve("data"),
            TestPorts.freeLayout(NODES),
            "384m",
            20,
            0);
    testnet = Testnet.create(spec);
    testnet.startAll();
    new Waiter(testnet)
        .untilAll(NODES, "shard 0 advanced on every node", s -> s.shardHeights().get(0) > 1, 240);
    l1 =
        new L1Client(
            testnet.node(0).rpcUrl(),
            testnet.config().chainId(ShardId.of(0)).longValue(),
            testnet.genesisTime(),
            testnet.config().secondsPerSlot().longValue());
    settlement = new SettlementClient(l1);
    operatorKey = SecpPrivateKey.fromHexString(testnet.devAccounts().get(0).privateKey());
    user = SecpPrivateKey.fromHexString(testnet.devAccounts().get(1).privateKey());
    challenger = SecpPrivateKey.fromHexString(testnet.devAccounts().get(2).privateKey());
    userAddress = testnet.devAccounts().get(1).address();
  }

  @AfterAll
  static void stopTestnet() {
    if (testnet != null) {
      testnet.close();
    }
  }

  @Test
  @Order(1)
  void depositIsCreditedBatchSettlesAfterFinalityAndWindowAndWithdrawalIsPaidOnce()
      throws Exception {
    rollupId = settlement.register(operatorKey, OPERATORS, CHALLENGERS, PERIOD, BOND);
    rollup = new ToyRollup(rollupId);

    L1Receipt deposit =
        settlement.deposit(user, rollupId, ALICE, ETHER.multiply(BigInteger.valueOf(5)));
    assertThat(deposit.logs(SettlementAbi.DEPOSIT_QUEUED.topic0())).hasSize(1);
    assertThat(settlement.escrow(rollupId))
        .containsExactly(ETHER.multiply(BigInteger.valueOf(5)), BOND);

    List<DepositEvent> credited = settlement.syncDeposits(rollup);
    assertThat(credited).hasSize(1);
    assertThat(credited.get(0).from()).isEqualTo(userAddress);
    assertThat(credited.get(0).nonce()).isZero();
    assertThat(rollup.ledger().balanceOf(ALICE)).isEqualTo(ETHER.multiply(BigInteger.valueOf(5)));
    assertThat(settlement.syncDeposits(rollup)).as("a deposit is credited once").isEmpty();

    rollup.transfer(ALICE, BOB, ETHER);
    rollup.put("greeting", "hello from L2");
    rollup.sealBlock();
    Withdrawal withdrawal =
        rollup.withdraw(ALICE, userAddress, ETHER.multiply(BigInteger.valueOf(3)));
    batch0 = rollup.sealBatch();
    assertThat(batch0.header().l2StartBlock()).isEqualTo(1);
    assertThat(batch0.header().l2EndBlock()).isEqualTo(2);

    L1Receipt commit = settlement.commit(operatorKey, OPERATORS, batch0);
    assertThat(commit.success()).isTrue();
    assertThat(commit.logs(SettlementAbi.BATCH_COMMITTED.topic0())).hasSize(1);
    BatchInfo committed = settlement.batch(rollupId, 0);
    assertThat(committed.batchHash()).isEqualTo(batch0.hash());
    assertThat(committed.withdrawalsRoot()).isEqualTo(batch0.header().withdrawalsRoot());
    assertThat(committed.commitSlot()).isEqualTo(l1.blockSlot(commit.blockHash()));
    assertThat(committed.challengeDeadline()).isEqualTo(committed.commitSlot() + PERIOD);
    assertThat(committed.status()).isEqualTo(BatchStatus.COMMITTED);

    // Inside the window the contract itself refuses the withdrawal: not SETTLED yet.
    L1Receipt early = settlement.finalizeWithdrawal(user, batch0, withdrawal.nonce());
    assertThat(early.success()).as("finalizeWithdrawal inside the challenge window").isFalse();
    assertThat(l1.blockSlot(early.blockHash())).isLessThan(committed.challengeDeadline());
    assertThat(settlement.isSpent(rollupId, withdrawal.nonce())).isFalse();

    BatchInfo settled = awaitSettled(0, 180);
    assertThat(settled.inclusion()).isEqualTo(InclusionStatus.FINALIZED);
    assertThat(l1.headSlot()).isGreaterThanOrEqualTo(settled.challengeDeadline());
    assertThat(l1.crosslinkedSlot("finalized"))
        .hasValueSatisfying(f -> assertThat(f).isGreaterThanOrEqualTo(settled.commitSlot()));
    // The L2 need not trust the node: the batch's finalized inclusion verifies from the genesis
    // validator set, and a batch hash the chain does not hold does not.
    SettlementProofCheck proofs =
        SettlementProofCheck.fromGenesis(l1, TestnetDataDir.genesisDir(testnet.spec().dataDir()));
    assertThat(proofs.verify(rollupId, 0, settled.batchHash())).startsWith("epoch ");
    assertThatThrownBy(() -> proofs.verify(rollupId, 0, Bytes32.repeat((byte) 7)))
        .isInstanceOf(L2Exception.class)
        .hasMessageContaining("rejected");

    // The node's view of finality can run a block ahead of the next block's: retry a few slots.
    BigInteger before = BigInteger.ZERO;
    L1Receipt paid = null;
    for (int attempt = 0; attempt < 5 && (paid == null || !paid.success()); attempt++) {
      if (paid != null) {
        Thread.sleep(2 * testnet.config().secondsPerSlot().longValue() * 1000);
      }
      before = l1.balance(userAddress);
      paid = settlement.finalizeWithdrawal(user, batch0, withdrawal.nonce());
    }
    assertThat(paid.success()).as("finalizeWithdrawal of a SETTLED batch").isTrue();
    assertThat(l1.blockSlot(paid.blockHash())).isGreaterThanOrEqualTo(settled.challengeDeadline());
    assertThat(paid.logs(SettlementAbi.WITHDRAWAL_FINALIZED.topic0())).hasSize(1);
    BigInteger after = l1.balance(userAddress);
    assertThat(after)
        .isEqualTo(before.add(ETHER.multiply(BigInteger.valueOf(3))).subtract(paid.fee()));
    assertThat(settlement.isSpent(rollupId, withdrawal.nonce())).isTrue();
    assertThat(settlement.escrow(rollupId)).containsExactly(ETHER.multiply(BigInteger.TWO), BOND);

    L1Receipt again = settlement.finalizeWithdrawal(user, batch0, withdrawal.nonce());
    assertThat(again.success()).as("a second finalizeWithdrawal").isFalse();
    assertThat(l1.balance(userAddress)).isEqualTo(after.subtract(again.fee()));
    assertThat(settlement.escrow(rollupId)).containsExactly(ETHER.multiply(BigInteger.TWO), BOND);
  }

  @Test
  @Order(2)
  void vetoedBatchIsRevertedAndEquivocatingOperatorsAreFrozenAndSlashed() throws Exception {
    assertThat(batch0).as("the happy path ran first").isNotNull();

    // VETO: batch 1 withdraws Bob's L2 ether; the challenger committee vetoes it in its window.
    Withdrawal vetoed = rollup.withdraw(BOB, userAddress, ETHER);
    L2Batch batch1 = rollup.sealBatch();
    assertThat(settlement.commit(operatorKey, OPERATORS, batch1).success()).isTrue();
    L1Receipt veto = settlement.veto(challenger, CHALLENGERS, batch1);
    assertThat(veto.success()).as("veto inside the window").isTrue();
    assertThat(veto.logs(SettlementAbi.BATCH_REVERTED.topic0())).hasSize(1);
    assertThat(settlement.batch(rollupId, 1).status()).isEqualTo(BatchStatus.REVERTED);
    L1Receipt refused = settlement.finalizeWithdrawal(user, batch1, vetoed.nonce());
    assertThat(refused.success()).as("withdrawal of a REVERTED batch").isFalse();
    assertThat(settlement.isSpent(rollupId, vetoed.nonce())).isFalse();
    assertThat(settlement.escrow(rollupId)).containsExactly(ETHER.multiply(BigInteger.TWO), BOND);
    // The L2 rolls back; its next batch follows batch 0 at index 2.
    rollup.reverted(batch1);
    assertThat(rollup.ledger().balanceOf(BOB)).isEqualTo(ETHER);
    rollup.put("after-veto", "yes");
    L2Batch batch2 = rollup.sealBatch();
    assertThat(batch2.index()).isEqualTo(2);
    assertThat(batch2.header().parentBatchHash()).isEqualTo(batch0.hash());
    assertThat(settlement.commit(operatorKey, OPERATORS, batch2).success()).isTrue();

    // EQUIVOCATION: a rollup whose operators sign two different batches at index 0.
    long cheat = settlement.register(operatorKey, OPERATORS, null, PERIOD, BOND);
    ToyRollup honest = new ToyRollup(cheat);
    ToyRollup forked = new ToyRollup(cheat);
    honest.put("k", "a");
    forked.put("k", "b");
    L2Batch a = honest.sealBatch();
    L2Batch b = forked.sealBatch();
    assertThat(a.hash()).isNotEqualTo(b.hash());
    assertThat(settlement.commit(operatorKey, OPERATORS, a).success()).isTrue();

    Address challengerAddress = testnet.devAccounts().get(2).address();
    BigInteger before = l1.balance(challengerAddress);
    L1Receipt challenge = settlement.challengeEquivocation(challenger, OPERATORS, a, b);
    assertThat(challenge.success()).as("equivocation challenge").isTrue();
    assertThat(challenge.logs(SettlementAbi.ROLLUP_FROZEN.topic0())).hasSize(1);
    assertThat(l1.balance(challengerAddress)).isEqualTo(before.add(BOND).subtract(challenge.fee()));
    assertThat(settlement.isFrozen(cheat)).isTrue();
    assertThat(settlement.escrow(cheat)).containsExactly(BigInteger.ZERO, BigInteger.ZERO);

    honest.put("k", "c");
    L2Batch next = honest.sealBatch();
    assertThat(
            l1.revertReason(
                l1.addressOf(operatorKey),
                settlement.commitCalldata(OPERATORS, next),
                BigInteger.ZERO))
        .hasValueSatisfying(r -> assertThat(r).contains("rollup " + cheat + " is frozen"));
    assertThat(settlement.commit(operatorKey, OPERATORS, next).success())
        .as("commit to a frozen rollup")
        .isFalse();
    assertThat(settlement.batchCount(cheat)).isEqualTo(1);
    // The honest rollup is untouched.
    assertThat(settlement.isFrozen(rollupId)).isFalse();
  }

  @Test
  @Order(3)
  void l2DemoCommandRunsTheRoundTripFromTestnetJson() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        BasaltCommand.execute(
            new String[] {
              "testnet",
              "l2-demo",
              "--data-dir",
              temp.resolve("data").toString(),
              "--timeout",
              "180"
            },
            BasaltCommand.discoverLauncher(),
            Map.of(),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    System.out.println(out);
    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    assertThat(out.toString())
        .contains("registered rollup 2: 4 BLS operators (quorum 3)")
        .contains("L2 credited deposit 0: " + userAddress + " now holds 2 ETH on L2")
        .contains("committed batch 0 ")
        .contains("batch 0: SETTLED, L1 inclusion FINALIZED")
        .containsPattern(
            "withdrawal 0 finalized in L1 block \\d+: L1 balance .* spent=true, escrow left 1 ETH");
  }

  /** Polls batch {@code index} until SETTLED; it must not be REVERTED meanwhile. */
  private static BatchInfo awaitSettled(long index, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    Optional<BatchInfo> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      BatchInfo info = settlement.batch(rollupId, index);
      assertThat(info.status()).isNotEqualTo(BatchStatus.REVERTED);
      if (info.status() == BatchStatus.SETTLED) {
        return info;
      }
      last = Optional.of(info);
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "batch "
            + index
            + " not SETTLED after "
            + seconds
            + " s: "
            + last
            + "; "
            + testnet.statuses());
  }
}
