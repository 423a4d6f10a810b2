package io.basalt.execution.settlement;

import static io.basalt.execution.settlement.SettlementHarness.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.TransactionOutcome;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.AccountProof;
import io.basalt.execution.state.AccountProofVerifier;
import io.basalt.execution.trie.SecureTrie;
import io.basalt.execution.trie.TrieProofVerifier;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Register → deposit → commit → settle → withdraw, as signed transactions through the processor.
 */
class SettlementLifecycleTest {

  private static final BigInteger HALF_ETHER = ETHER.divide(BigInteger.TWO);

  private final RollupScenario s = new RollupScenario();
  private final SettlementHarness h = s.h;

  private List<Withdrawal> withdrawals() {
    return List.of(
        new Withdrawal(0, h.address(3), ETHER),
        new Withdrawal(1, h.address(2), ETHER.multiply(BigInteger.TWO)),
        new Withdrawal(2, h.address(1), HALF_ETHER));
  }

  private List<Object> depositArgs(Address l2Recipient, Bytes data) {
    return List.of(BigInteger.valueOf(s.rollupId), l2Recipient, data);
  }

  @Test
  void shouldDepositCommitSettleAndWithdrawWithSupplyConserved() {
    Address l2Recipient = Address.fromHexString("0x00000000000000000000000000000000000000aa");
    TransactionOutcome first =
        h.ok(
            2,
            SettlementAbi.DEPOSIT,
            depositArgs(l2Recipient, Bytes.fromHexString("0x68656c6c6f")),
            ETHER.multiply(BigInteger.valueOf(5)));
    TransactionOutcome second =
        h.ok(
            2,
            SettlementAbi.DEPOSIT,
            depositArgs(l2Recipient, Bytes.EMPTY),
            ETHER.multiply(BigInteger.TWO));
    assertThat(RollupScenario.decode(SettlementAbi.DEPOSIT, first.returnData()))
        .isEqualTo(BigInteger.ZERO);
    assertThat(RollupScenario.decode(SettlementAbi.DEPOSIT, second.returnData()))
        .isEqualTo(BigInteger.ONE);
    assertThat(first.logs()).hasSize(1);
    assertThat(first.logs().get(0).topics().get(0))
        .isEqualTo(SettlementAbi.DEPOSIT_QUEUED.topic0());
    assertThat(s.escrow()).isEqualTo(ETHER.multiply(BigInteger.valueOf(7)));
    assertThat(h.balance(SystemContracts.SETTLEMENT))
        .isEqualTo(ETHER.multiply(BigInteger.valueOf(7)).add(RollupScenario.BOND));

    Bytes32 acc0 = depositAcc(0);
    Bytes32 expectedAcc1 =
        Hash.keccak256(
            AbiEncoder.encode(
                SettlementAbi.DEPOSIT_ACC,
                List.of(
                    acc0,
                    BigInteger.ONE,
                    h.address(2),
                    l2Recipient,
                    ETHER.multiply(BigInteger.TWO),
                    Hash.keccak256(Bytes.EMPTY))));
    assertThat(depositAcc(1)).isEqualTo(expectedAcc1);

    BatchHeader header = s.header(Bytes32.ZERO, 10, withdrawals(), 0);
    Bytes32 batchHash = s.commit(0, header);
    assertThat(s.status(0)).isEqualTo(BatchStatus.COMMITTED);
    assertThat(s.inclusion(0)).isEqualTo(InclusionStatus.INCLUDED);
    h.reverts(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(0, withdrawals(), 1),
        BigInteger.ZERO,
        "batch 0 is COMMITTED, not SETTLED");

    h.slot = 100 + RollupScenario.PERIOD;
    h.finalizeUpTo(100);
    assertThat(s.status(0)).isEqualTo(BatchStatus.SETTLED);
    assertThat(s.inclusion(0)).isEqualTo(InclusionStatus.FINALIZED);
    assertThat(h.view(SettlementAbi.LATEST_SETTLED, List.of(BigInteger.valueOf(s.rollupId))))
        .containsExactly(true, BigInteger.ZERO, batchHash);

    BigInteger before = h.balance(h.address(2));
    TransactionOutcome paid =
        h.ok(
            3,
            SettlementAbi.FINALIZE_WITHDRAWAL,
            s.withdrawArgs(0, withdrawals(), 1),
            BigInteger.ZERO);
    assertThat(h.balance(h.address(2))).isEqualTo(before.add(ETHER.multiply(BigInteger.TWO)));
    assertThat(paid.logs().get(0).topics().get(0))
        .isEqualTo(SettlementAbi.WITHDRAWAL_FINALIZED.topic0());
    assertThat(
            h.view(SettlementAbi.IS_SPENT, List.of(BigInteger.valueOf(s.rollupId), BigInteger.ONE)))
        .containsExactly(true);
    h.reverts(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(0, withdrawals(), 1),
        BigInteger.ZERO,
        "withdrawal 1 is already finalized");

    assertThat(s.escrow()).isEqualTo(ETHER.multiply(BigInteger.valueOf(5)));
    // bond + deposits - withdrawals is what the contract holds; the rest only moved or burned.
    assertThat(h.balance(SystemContracts.SETTLEMENT))
        .isEqualTo(RollupScenario.BOND.add(ETHER.multiply(BigInteger.valueOf(5))));
    assertThat(h.supply()).isEqualTo(h.initialSupply.subtract(h.burned));
  }

  @Test
  void shouldRefuseAWithdrawalTheEscrowCannotCover() {
    h.ok(2, SettlementAbi.DEPOSIT, depositArgs(h.address(3), Bytes.EMPTY), HALF_ETHER);
    s.commit(0, s.header(Bytes32.ZERO, 1, withdrawals(), 0));
    h.slot = 200;
    h.finalizeUpTo(150);

    h.reverts(
        3,
        SettlementAbi.FINALIZE_WITHDRAWAL,
        s.withdrawArgs(0, withdrawals(), 0),
        BigInteger.ZERO,
        "escrow of 500000000000000000 wei cannot pay a withdrawal of 1000000000000000000");
    h.ok(
        3, SettlementAbi.FINALIZE_WITHDRAWAL, s.withdrawArgs(0, withdrawals(), 2), BigInteger.ZERO);
    assertThat(s.escrow()).isZero();
    assertThat(s.bond()).isEqualTo(RollupScenario.BOND);
  }

  @Test
  void shouldProveABatchRecordAgainstTheStateRoot() throws Exception {
    Bytes32 batchHash = s.commit(0, s.header(Bytes32.ZERO, 3, withdrawals(), 0));
    Bytes32 slot = SettlementSlots.batch(s.rollupId, 0, BatchRecord.FIELD_BATCH_HASH);
    Bytes32 stateRoot = h.state.rootHash();

    AccountProof proof = h.state.proof(SystemContracts.SETTLEMENT, List.of(slot));

    Optional<Account> account =
        AccountProofVerifier.verify(stateRoot, SystemContracts.SETTLEMENT, proof.accountProof());
    assertThat(account).isPresent();
    Optional<Bytes> value =
        TrieProofVerifier.verify(
            account.get().storageRoot(),
            SecureTrie.hashedKey(slot),
            proof.storageProof().get(0).proof());
    assertThat(value.map(Rlp::decodeBytes)).contains(batchHash);
    assertThat(proof.storageProof().get(0).value()).isEqualTo(batchHash.toUnsignedBigInteger());
    assertThat(h.state.getStorage(SystemContracts.SETTLEMENT, slot)).isEqualTo(batchHash);
  }

  @Test
  void shouldDiscardTheStorageWritesAndValueOfARevertedCall() {
    Bytes32 countBefore =
        h.state.getStorage(SystemContracts.SETTLEMENT, SettlementSlots.ROLLUP_COUNT);
    BigInteger contractBefore = h.balance(SystemContracts.SETTLEMENT);

    h.reverts(
        1,
        SettlementAbi.REGISTER_ROLLUP,
        RollupScenario.registerArgs(s.operators, s.challengers, RollupScenario.PERIOD),
        ETHER.subtract(BigInteger.ONE),
        "bond 999999999999999999 wei is below the minimum of 1000000000000000000");

    assertThat(h.state.getStorage(SystemContracts.SETTLEMENT, SettlementSlots.ROLLUP_COUNT))
        .isEqualTo(countBefore)
        .isEqualTo(Uint.word(1));
    assertThat(h.balance(SystemContracts.SETTLEMENT)).isEqualTo(contractBefore);
    assertThat(h.supply()).isEqualTo(h.initialSupply.subtract(h.burned));
  }

  @Test
  void shouldChargeProofOfPossessionChecksPerRegisteredKey() {
    TransactionOutcome outcome =
        h.send(
            1,
            SettlementAbi.REGISTER_ROLLUP,
            RollupScenario.registerArgs(s.operators, s.challengers, RollupScenario.PERIOD),
            ETHER);
    TransactionOutcome smaller =
        h.send(
            1,
            SettlementAbi.REGISTER_ROLLUP,
            RollupScenario.registerArgs(s.operators, null, RollupScenario.PERIOD),
            ETHER);

    assertThat(outcome.success()).isTrue();
    assertThat(smaller.success()).isTrue();
    long difference = outcome.gasUsed().longValue() - smaller.gasUsed().longValue();
    // Three challenger keys more; the rest of the difference is their calldata.
    assertThat(difference)
        .isGreaterThanOrEqualTo(3 * io.basalt.execution.contracts.SystemGas.SETTLEMENT_POP_CHECK);
  }

  private Bytes32 depositAcc(long nonce) {
    return (Bytes32)
        Bytes32.wrap(
            (Bytes)
                h.view(
                        SettlementAbi.DEPOSIT_ACC_AT,
                        List.of(BigInteger.valueOf(s.rollupId), BigInteger.valueOf(nonce)))
                    .get(0));
  }
}
