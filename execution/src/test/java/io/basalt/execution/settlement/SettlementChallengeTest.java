package io.basalt.execution.settlement;

import static io.basalt.execution.settlement.SettlementHarness.CHAIN_ID;
import static io.basalt.execution.settlement.SettlementHarness.ETHER;
import static io.basalt.execution.settlement.SettlementHarness.SHARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Slot;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.TransactionOutcome;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The status machine on an injected L1 view, vetoes with their descendants, and equivocation. */
class SettlementChallengeTest {

  private final RollupScenario s = new RollupScenario();
  private final SettlementHarness h = s.h;

  private List<Withdrawal> withdrawals(int salt) {
    return List.of(new Withdrawal(salt, h.address(3), ETHER));
  }

  private BigInteger id() {
    return BigInteger.valueOf(s.rollupId);
  }

  @Test
  void shouldSettleExactlyAtTheDeadlineOnceTheBlockIsFinalized() {
    s.commit(0, s.header(Bytes32.ZERO, 2, withdrawals(0), 0)); // slot 100, deadline 116
    List<Object> batch = h.view(SettlementAbi.GET_BATCH, List.of(id(), BigInteger.ZERO));
    assertThat(batch.get(7)).isEqualTo(BigInteger.valueOf(100));
    assertThat(batch.get(8)).isEqualTo(BigInteger.valueOf(116));

    h.slot = 115;
    h.finalizeUpTo(200);
    assertThat(s.status(0)).isEqualTo(BatchStatus.COMMITTED);

    h.slot = 116;
    h.finalized = Optional.of(Slot.of(99));
    h.justified = Optional.of(Slot.of(100));
    assertThat(s.status(0)).isEqualTo(BatchStatus.COMMITTED);
    assertThat(s.inclusion(0)).isEqualTo(InclusionStatus.JUSTIFIED);

    h.finalized = Optional.of(Slot.of(100));
    assertThat(s.status(0)).isEqualTo(BatchStatus.SETTLED);
    assertThat(s.inclusion(0)).isEqualTo(InclusionStatus.FINALIZED);
  }

  @Test
  void shouldWaitWhileFinalityStalls() {
    s.commit(0, s.header(Bytes32.ZERO, 2, withdrawals(0), 0));
    h.slot = 100_000;
    h.finalized = Optional.empty();
    h.justified = Optional.empty();

    assertThat(s.status(0)).isEqualTo(BatchStatus.COMMITTED);
    assertThat(s.inclusion(0)).isEqualTo(InclusionStatus.INCLUDED);
    assertThat(h.view(SettlementAbi.LATEST_SETTLED, List.of(id())))
        .containsExactly(false, BigInteger.ZERO, Bytes32.ZERO);
    h.reverts(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(0, withdrawals(0), 0),
        BigInteger.ZERO,
        "batch 0 is COMMITTED, not SETTLED");
  }

  @Test
  void shouldVetoABatchOneSlotBeforeItsDeadlineAndRevertItsDescendants() {
    h.ok(
        2,
        SettlementAbi.DEPOSIT,
        List.of(id(), h.address(3), Bytes.EMPTY),
        ETHER.multiply(BigInteger.TEN));
    Bytes32 b0 = s.commit(0, s.header(Bytes32.ZERO, 2, withdrawals(0), 0));
    h.slot = 101;
    Bytes32 b1 = s.commit(1, s.header(b0, 2, withdrawals(1), 1));
    h.slot = 102;
    Bytes32 b2 = s.commit(2, s.header(b1, 2, withdrawals(2), 2));

    h.slot = 116; // batch 1's deadline is 117
    TransactionOutcome veto =
        h.ok(3, SettlementAbi.CHALLENGE_BATCH, vetoArgs(1, b1, 0, 2), BigInteger.ZERO);

    assertThat(veto.logs()).hasSize(3);
    assertThat(veto.logs().get(0).topics().get(0))
        .isEqualTo(SettlementAbi.BATCH_CHALLENGED.topic0());
    assertThat(veto.logs().get(1).topics())
        .containsExactly(
            SettlementAbi.BATCH_REVERTED.topic0(), Uint.word(s.rollupId), Uint.word(1), b1);
    assertThat(veto.logs().get(2).topics().get(3)).isEqualTo(b2);
    h.finalizeUpTo(500);
    h.slot = 1_000;
    assertThat(s.status(0)).isEqualTo(BatchStatus.SETTLED);
    assertThat(s.status(1)).isEqualTo(BatchStatus.REVERTED);
    assertThat(s.status(2)).isEqualTo(BatchStatus.REVERTED);
    assertThat(h.view(SettlementAbi.LATEST_SETTLED, List.of(id())))
        .containsExactly(true, BigInteger.ZERO, b0);
    h.reverts(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(1, withdrawals(1), 0),
        BigInteger.ZERO,
        "batch 1 is REVERTED, not SETTLED");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        vetoArgs(2, b2, 0, 1),
        BigInteger.ZERO,
        "batch 2 is already reverted");

    // The chain continues from batch 0, at the next index, with contiguous L2 blocks.
    s.nextL2Block = 3;
    s.commit(3, s.header(b0, 4, withdrawals(3), 3));
    List<Object> rollup = h.view(SettlementAbi.GET_ROLLUP, List.of(id()));
    assertThat(rollup.get(5)).isEqualTo(BigInteger.valueOf(4));
    assertThat(rollup.get(9)).isEqualTo(BigInteger.valueOf(3));
    h.ok(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(0, withdrawals(0), 0),
        BigInteger.ZERO);
  }

  @Test
  void shouldRefuseAVetoAtTheDeadlineOrWithoutAChallengerQuorum() {
    Bytes32 b0 = s.commit(0, s.header(Bytes32.ZERO, 2, withdrawals(0), 0));
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        vetoArgs(0, b0, 1),
        BigInteger.ZERO,
        "challenger signers' weight 1 is below the threshold 2");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        vetoArgs(0, Bytes32.ZERO, 0, 1),
        BigInteger.ZERO,
        "challenger aggregate signature does not verify");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        List.of(id(), BigInteger.ZERO, BigInteger.TWO, Bytes.EMPTY),
        BigInteger.ZERO,
        "unknown challenge kind 2");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        vetoArgs(0, b0, 0, 1),
        BigInteger.ONE,
        "challengeBatch takes no value");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        List.of(id(), BigInteger.ZERO, BigInteger.ONE, Bytes.of(1, 2, 3)),
        BigInteger.ZERO,
        "malformed veto evidence");
    h.slot = 116;
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        vetoArgs(0, b0, 0, 1),
        BigInteger.ZERO,
        "challenge window of batch 0 closed at slot 116");
  }

  @Test
  void shouldFreezeTheRollupAndPayTheBondToAnEquivocationChallenger() {
    h.ok(2, SettlementAbi.DEPOSIT, List.of(id(), h.address(3), Bytes.EMPTY), ETHER);
    BatchHeader committed = s.header(Bytes32.ZERO, 2, withdrawals(0), 0);
    s.commit(0, committed);
    BatchHeader conflicting = s.header(Bytes32.ZERO, 2, withdrawals(9), 9);
    BigInteger contractBefore = h.balance(SystemContracts.SETTLEMENT);

    TransactionOutcome outcome =
        h.ok(
            3,
            SettlementAbi.CHALLENGE_BATCH,
            equivocationArgs(committed, new int[] {1, 3}, conflicting, new int[] {1, 2, 3}),
            BigInteger.ZERO);

    assertThat(outcome.logs())
        .extracting(l -> l.topics().get(0))
        .containsExactly(
            SettlementAbi.BATCH_CHALLENGED.topic0(), SettlementAbi.ROLLUP_FROZEN.topic0());
    assertThat(h.balance(SystemContracts.SETTLEMENT))
        .isEqualTo(contractBefore.subtract(RollupScenario.BOND));
    assertThat(s.bond()).isZero();
    assertThat(s.escrow()).isEqualTo(ETHER);
    assertThat(h.view(SettlementAbi.GET_ROLLUP, List.of(id())).get(7)).isEqualTo(true);
    assertThat(h.supply()).isEqualTo(h.initialSupply.subtract(h.burned));

    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(1, s.header(committed.batchHash(s.rollupId, 0), 1, List.of(), 1), 2, 3),
        BigInteger.ZERO,
        "rollup 0 is frozen");
    h.reverts(
        2,
        SettlementAbi.DEPOSIT,
        List.of(id(), h.address(3), Bytes.EMPTY),
        ETHER,
        "rollup 0 is frozen");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        equivocationArgs(committed, new int[] {1, 3}, conflicting, new int[] {1, 2, 3}),
        BigInteger.ZERO,
        "rollup 0 is already frozen");
  }

  @Test
  void shouldRefuseEquivocationEvidenceWithoutTwoDifferentQuorumBatches() {
    BatchHeader a = s.header(Bytes32.ZERO, 2, withdrawals(0), 0);
    BatchHeader b = s.header(Bytes32.ZERO, 2, withdrawals(1), 1);
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        equivocationArgs(a, new int[] {2, 3}, a, new int[] {0, 3}),
        BigInteger.ZERO,
        "equivocation evidence names the same batch twice");
    h.reverts(
        3,
        SettlementAbi.CHALLENGE_BATCH,
        equivocationArgs(a, new int[] {2, 3}, b, new int[] {0, 3}),
        BigInteger.ZERO,
        "second batch's operator signers' weight 5 is below the threshold 6");
    assertThat(s.bond()).isEqualTo(RollupScenario.BOND);
  }

  private List<Object> vetoArgs(long index, Bytes32 batchHash, int... signers) {
    Committee.Signed signed =
        s.challengers.sign(
            SettlementDigests.vetoDigest(CHAIN_ID, SHARD, s.rollupId, index, batchHash), signers);
    Bytes evidence =
        AbiEncoder.encode(
            SettlementAbi.VETO_EVIDENCE, List.of(signed.bitmap(), signed.signature()));
    return List.of(id(), BigInteger.valueOf(index), BigInteger.ONE, evidence);
  }

  private List<Object> equivocationArgs(
      BatchHeader a, int[] signersA, BatchHeader b, int[] signersB) {
    Committee.Signed sa = s.operators.sign(digest(a), signersA);
    Committee.Signed sb = s.operators.sign(digest(b), signersB);
    Bytes evidence =
        AbiEncoder.encode(
            SettlementAbi.EQUIVOCATION_EVIDENCE,
            List.of(
                a.toAbi(), sa.bitmap(), sa.signature(), b.toAbi(), sb.bitmap(), sb.signature()));
    return List.of(id(), BigInteger.ZERO, BigInteger.ZERO, evidence);
  }

  private Bytes32 digest(BatchHeader header) {
    return SettlementDigests.commitDigest(
        CHAIN_ID, SHARD, s.rollupId, header.batchHash(s.rollupId, 0));
  }
}
