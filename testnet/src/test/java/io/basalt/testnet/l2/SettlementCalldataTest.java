package io.basalt.testnet.l2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Address;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.Withdrawal;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SettlementCalldataTest {

  private static final Address FROM =
      Address.fromHexString("0x00000000000000000000000000000000000000f1");
  private static final Address TO =
      Address.fromHexString("0x00000000000000000000000000000000000000f2");

  @Test
  void shouldEncodeACommitTheContractDecodes() throws Exception {
    BlsCommittee operators = BlsCommittee.derived("calldata", List.of(1L, 1L, 1L), 2);
    BatchHeader header =
        new BatchHeader(
            Bytes32.ZERO,
            1,
            4,
            Bytes32.repeat((byte) 1),
            Bytes32.repeat((byte) 2),
            Bytes32.repeat((byte) 3));
    BlsCommittee.QuorumSignature signed = operators.signQuorum(header.batchHash(5, 0));
    Bytes data = SettlementCalldata.commitBatch(5, 0, header, signed);

    assertThat(data.slice(0, 4)).isEqualTo(SettlementAbi.COMMIT_BATCH.selector());
    List<Object> args = SettlementAbi.COMMIT_BATCH.decodeArguments(data.slice(4));
    assertThat(args.get(0)).isEqualTo(BigInteger.valueOf(5));
    assertThat(args.get(4)).isEqualTo(BigInteger.valueOf(4));
    assertThat(args.get(6)).isEqualTo(header.withdrawalsRoot());
    assertThat(args.get(8)).isEqualTo(signed.bitmap());
    assertThat(args.get(9)).isEqualTo(signed.signature());
  }

  @Test
  void shouldEncodeAWithdrawalProofTheContractDecodes() throws Exception {
    L2Batch batch =
        new L2Batch(
            3,
            1,
            new BatchHeader(Bytes32.ZERO, 1, 1, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO),
            List.of(new Withdrawal(0, TO, BigInteger.TEN), new Withdrawal(1, FROM, BigInteger.TWO)),
            List.of());
    Bytes data = SettlementCalldata.finalizeWithdrawal(3, 1, batch.proof(1));
    List<Object> args = SettlementAbi.FINALIZE_WITHDRAWAL.decodeArguments(data.slice(4));
    assertThat(Withdrawal.fromAbi((List<?>) args.get(2)))
        .isEqualTo(new Withdrawal(1, FROM, BigInteger.TWO));
    assertThat(args.get(3)).isEqualTo(BigInteger.ONE);
    assertThat((List<?>) args.get(4)).first().isEqualTo(BigInteger.TWO);
  }

  @Test
  void shouldDecodeADepositQueuedLog() throws Exception {
    Log log =
        SettlementAbi.DEPOSIT_QUEUED.toLog(
            SystemContracts.SETTLEMENT,
            List.of(
                BigInteger.valueOf(2),
                BigInteger.valueOf(9),
                FROM,
                TO,
                BigInteger.valueOf(1234),
                Bytes.fromHexString("0xbeef"),
                Bytes32.repeat((byte) 7)));
    DepositEvent event = DepositEvent.decode(log.topics(), log.data(), 11);
    assertThat(event)
        .isEqualTo(
            new DepositEvent(
                2,
                9,
                FROM,
                TO,
                BigInteger.valueOf(1234),
                Bytes.fromHexString("0xbeef"),
                Bytes32.repeat((byte) 7),
                11));
  }

  @Test
  void shouldRefuseALogThatIsNotADeposit() {
    Log log =
        SettlementAbi.BATCH_REVERTED.toLog(
            SystemContracts.SETTLEMENT, List.of(BigInteger.ONE, BigInteger.ONE, Bytes32.ZERO));
    assertThatThrownBy(() -> DepositEvent.decode(log.topics(), log.data(), 1))
        .isInstanceOf(L2Exception.class)
        .hasMessageStartingWith("not a DepositQueued log");
    List<Bytes32> topics =
        SettlementAbi.DEPOSIT_QUEUED
            .toLog(
                SystemContracts.SETTLEMENT,
                List.of(
                    BigInteger.ONE,
                    BigInteger.ONE,
                    FROM,
                    TO,
                    BigInteger.ONE,
                    Bytes.EMPTY,
                    Bytes32.ZERO))
            .topics();
    assertThatThrownBy(() -> DepositEvent.decode(topics, Bytes.fromHexString("0x01"), 1))
        .isInstanceOf(L2Exception.class)
        .hasMessageStartingWith("malformed DepositQueued data");
  }
}
