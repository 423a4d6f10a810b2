package io.basalt.testnet.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Address;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.execution.settlement.WithdrawalTree;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class ToyRollupTest {

  private static final Address ALICE =
      Address.fromHexString("0x00000000000000000000000000000000000a11ce");
  private static final Address BOB =
      Address.fromHexString("0x0000000000000000000000000000000000000b0b");
  private static final Address L1 =
      Address.fromHexString("0x00000000000000000000000000000000000000e1");

  private final ToyRollup rollup = new ToyRollup(7);

  private static DepositEvent deposit(long rollupId, long nonce, Address to, long wei) {
    return new DepositEvent(
        rollupId, nonce, L1, to, BigInteger.valueOf(wei), Bytes.EMPTY, Bytes32.ZERO, 1);
  }

  @Test
  void shouldCreditDepositsInNonceOrderOnce() throws Exception {
    assertThat(rollup.credit(deposit(7, 0, ALICE, 100))).isTrue();
    assertThat(rollup.credit(deposit(7, 0, ALICE, 100))).isFalse();
    assertThat(rollup.credit(deposit(7, 1, BOB, 5))).isTrue();
    assertThat(rollup.ledger().balanceOf(ALICE)).isEqualTo(100);
    assertThat(rollup.ledger().balanceOf(BOB)).isEqualTo(5);
    assertThat(rollup.nextDepositNonce()).isEqualTo(2);
  }

  @Test
  void shouldRefuseADepositGapOrAnotherRollupsDeposit() {
    assertThatThrownBy(() -> rollup.credit(deposit(7, 1, ALICE, 1)))
        .isInstanceOf(L2Exception.class)
        .hasMessage("deposit 1 arrived before deposit 0");
    assertThatThrownBy(() -> rollup.credit(deposit(8, 0, ALICE, 1)))
        .isInstanceOf(L2Exception.class)
        .hasMessage("deposit of rollup 8 given to rollup 7");
  }

  @Test
  void shouldRefuseOverspendingAndNonPositiveAmounts() throws Exception {
    rollup.credit(deposit(7, 0, ALICE, 10));
    assertThatThrownBy(() -> rollup.withdraw(ALICE, L1, BigInteger.valueOf(11)))
        .isInstanceOf(L2Exception.class)
        .hasMessageContaining("holds 10 wei, cannot spend 11");
    assertThatThrownBy(() -> rollup.transfer(ALICE, BOB, BigInteger.ZERO))
        .isInstanceOf(L2Exception.class)
        .hasMessage("amount must be positive, got 0");
    assertThat(rollup.ledger().balanceOf(ALICE)).isEqualTo(10);
  }

  @Test
  void shouldChainBatchesAndCommitToTheirWithdrawals() throws Exception {
    rollup.credit(deposit(7, 0, ALICE, 100));
    rollup.sealBlock();
    Withdrawal w0 = rollup.withdraw(ALICE, L1, BigInteger.valueOf(30));
    Withdrawal w1 = rollup.withdraw(ALICE, BOB, BigInteger.valueOf(20));
    L2Batch first = rollup.sealBatch();
    rollup.transfer(ALICE, BOB, BigInteger.valueOf(1));
    L2Batch second = rollup.sealBatch();

    assertThat(first.index()).isZero();
    assertThat(first.header().parentBatchHash()).isEqualTo(Bytes32.ZERO);
    assertThat(first.header().l2StartBlock()).isEqualTo(1);
    assertThat(first.header().l2EndBlock()).isEqualTo(2);
    assertThat(second.index()).isEqualTo(1);
    assertThat(second.header().parentBatchHash()).isEqualTo(first.hash());
    assertThat(second.header().l2StartBlock()).isEqualTo(3);
    assertThat(first.withdrawals()).containsExactly(w0, w1);
    assertThat(w1.nonce()).isEqualTo(1);
    assertThat(first.header().withdrawalsRoot())
        .isEqualTo(WithdrawalTree.root(java.util.List.of(w0.leaf(), w1.leaf())));
    assertThat(second.header().withdrawalsRoot())
        .isEqualTo(WithdrawalTree.root(java.util.List.of()));
    assertThat(first.header().stateRoot()).isNotEqualTo(second.header().stateRoot());

    L2Batch.WithdrawalProof proof = first.proof(1);
    assertThat(
            WithdrawalTree.verify(
                first.header().withdrawalsRoot(),
                proof.withdrawal().leaf(),
                proof.leafIndex(),
                proof.leafCount(),
                proof.siblings()))
        .isEmpty();
    assertThatThrownBy(() -> second.proof(0))
        .isInstanceOf(L2Exception.class)
        .hasMessage("batch 1 holds no withdrawal with nonce 0");
  }

  @Test
  void shouldRefuseAnEmptyBatch() throws Exception {
    rollup.put("k", "v");
    rollup.sealBatch();
    assertThatThrownBy(rollup::sealBatch)
        .isInstanceOf(L2Exception.class)
        .hasMessage("no L2 block since batch 0");
  }

  @Test
  void shouldRollBackAVetoedBatch() throws Exception {
    rollup.credit(deposit(7, 0, ALICE, 100));
    L2Batch first = rollup.sealBatch();
    Bytes32 rootAfterFirst = rollup.ledger().stateRoot();
    rollup.credit(deposit(7, 1, BOB, 50));
    rollup.withdraw(ALICE, L1, BigInteger.valueOf(40));
    L2Batch vetoed = rollup.sealBatch();

    rollup.reverted(vetoed);

    assertThat(rollup.ledger().balanceOf(ALICE)).isEqualTo(100);
    assertThat(rollup.ledger().balanceOf(BOB)).isZero();
    assertThat(rollup.ledger().stateRoot()).isEqualTo(rootAfterFirst);
    assertThat(rollup.nextDepositNonce()).as("deposit 1 is credited again").isEqualTo(1);
    Withdrawal again = rollup.withdraw(ALICE, L1, BigInteger.valueOf(1));
    assertThat(again.nonce()).isZero();
    L2Batch next = rollup.sealBatch();
    assertThat(next.index()).as("L1 never reuses an index").isEqualTo(2);
    assertThat(next.header().parentBatchHash()).isEqualTo(first.hash());
    assertThat(next.header().l2StartBlock()).isEqualTo(vetoed.header().l2StartBlock());
    assertThatThrownBy(() -> rollup.reverted(vetoed)).isInstanceOf(L2Exception.class);
  }

  @Test
  void shouldCommitTheKeyValueStoreInTheStateRoot() {
    ToyRollup other = new ToyRollup(7);
    rollup.put("a", "1");
    other.put("a", "1");
    assertThat(rollup.ledger().stateRoot()).isEqualTo(other.ledger().stateRoot());
    other.put("a", "2");
    assertThat(rollup.ledger().stateRoot()).isNotEqualTo(other.ledger().stateRoot());
    assertThat(other.ledger().get("a")).contains("2");
  }
}
