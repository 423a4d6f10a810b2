package io.basalt.execution.processor;

import static io.basalt.execution.processor.ProcessorFixture.BASE_FEE;
import static io.basalt.execution.processor.ProcessorFixture.CONTRACTS;
import static io.basalt.execution.processor.ProcessorFixture.FEE_RECIPIENT;
import static io.basalt.execution.processor.ProcessorFixture.START_NONCE;
import static io.basalt.execution.processor.ProcessorFixture.balance;
import static io.basalt.execution.processor.ProcessorFixture.env;
import static io.basalt.execution.processor.SignedTx.ADDRESS_1;
import static io.basalt.execution.processor.SignedTx.ETHER;
import static io.basalt.execution.processor.SignedTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.contracts.SystemGas;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.IntrinsicGas;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionType;
import io.basalt.execution.transaction.TxRejection;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** Whole blocks: receipts, cumulative gas, totals, invalid blocks and building with tryApply. */
class BlockExecutorTest {

  private final BlockExecutor executor = new BlockExecutor(CONTRACTS);
  private final WorldState state = ProcessorFixture.state();

  private static SignedTx tx(long nonceOffset) {
    return SignedTx.transfer().nonce(START_NONCE + nonceOffset);
  }

  @Test
  void shouldProduceReceiptsWithCumulativeGasAndTotals() throws BlockExecutionException {
    Transaction transfer = tx(0).legacy();
    Transaction crossShard =
        tx(1)
            .to(SystemContracts.CROSS_SHARD)
            .gasLimit(100_000)
            .data(CrossShard.TRANSFER.encodeCall(List.of(BigInteger.ONE, ADDRESS_1)))
            .eip1559();
    Transaction reverted =
        tx(2).to(SystemContracts.SETTLEMENT).gasLimit(100_000).value(BigInteger.ONE).eip1559();

    ExecutionResult result =
        executor.execute(
            state,
            env(),
            List.of(transfer, crossShard, reverted).stream().map(SignedTx::recover).toList());

    long gas1 = 21_000;
    long gas2 =
        IntrinsicGas.of(crossShard).orElseThrow().longValue() + SystemGas.CROSS_SHARD_TRANSFER;
    long gas3 = 21_000 + SystemGas.DISPATCH_FAILURE;
    assertThat(result.receipts())
        .extracting(Receipt::type, Receipt::success, Receipt::cumulativeGasUsed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TransactionType.LEGACY, true, UInt64.valueOf(gas1)),
            org.assertj.core.groups.Tuple.tuple(
                TransactionType.EIP1559, true, UInt64.valueOf(gas1 + gas2)),
            org.assertj.core.groups.Tuple.tuple(
                TransactionType.EIP1559, false, UInt64.valueOf(gas1 + gas2 + gas3)));
    assertThat(result.receipts().get(1).logs()).hasSize(1);
    assertThat(result.receipts().get(2).logs()).isEmpty();
    assertThat(result.gasUsed()).isEqualTo(UInt64.valueOf(gas1 + gas2 + gas3));
    assertThat(result.outgoing()).hasSize(1);
    long total = gas1 + gas2 + gas3;
    assertThat(result.burned()).isEqualTo(new Wei(BASE_FEE.multiply(BigInteger.valueOf(total))));
    // Tips: legacy pays 10 - 7 = 3 gwei per gas, type 2 pays its 2 gwei priority fee.
    BigInteger tips = GWEI.multiply(BigInteger.valueOf(3 * gas1 + 2 * (gas2 + gas3)));
    assertThat(result.tips()).isEqualTo(new Wei(tips));
    assertThat(balance(state, FEE_RECIPIENT)).isEqualTo(tips);
    assertThat(balance(state, ADDRESS_1)).isEqualTo(ETHER);
  }

  @Test
  void shouldNameTheFirstInvalidTransaction() {
    List<RecoveredTransaction> block = List.of(tx(0).recovered(), tx(2).recovered());

    assertThatThrownBy(() -> executor.execute(state, env(), block))
        .isInstanceOfSatisfying(
            BlockExecutionException.class,
            e -> {
              assertThat(e.transactionIndex()).isEqualTo(1);
              assertThat(e.reason()).isEqualTo(TxRejection.NONCE_TOO_HIGH);
              assertThat(e).hasMessage("transaction 1 is invalid: nonce too high");
            });
  }

  @Test
  void shouldRefuseTransactionsPastTheBlockGasLimit() {
    List<RecoveredTransaction> block =
        List.of(tx(0).recovered(), tx(1).recovered(), tx(2).recovered());

    assertThatThrownBy(() -> executor.execute(state, env(UInt64.valueOf(50_000)), block))
        .isInstanceOfSatisfying(
            BlockExecutionException.class,
            e -> {
              assertThat(e.transactionIndex()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo(TxRejection.BLOCK_GAS_LIMIT_REACHED);
              assertThat(e.reason().message()).isEqualTo("gas limit reached");
            });
  }

  @Test
  void shouldLetAProducerSkipTransactionsThatDoNotFit() {
    BlockExecution block = executor.start(state, env(UInt64.valueOf(50_000)));
    Bytes32 root = state.rootHash();

    assertThat(block.tryApply(tx(1).recovered()))
        .isEqualTo(new ApplyResult.Rejected(TxRejection.NONCE_TOO_HIGH));
    assertThat(state.rootHash()).isEqualTo(root);
    assertThat(block.result().receipts()).isEmpty();

    assertThat(block.tryApply(tx(0).gasLimit(30_000).data(Bytes.of(1)).recovered()))
        .isInstanceOf(TransactionOutcome.class);
    assertThat(block.gasLeft()).isEqualTo(UInt64.valueOf(50_000 - 21_016));
    assertThat(block.tryApply(tx(1).gasLimit(30_000).recovered()))
        .isEqualTo(new ApplyResult.Rejected(TxRejection.BLOCK_GAS_LIMIT_REACHED));
    assertThat(block.tryApply(tx(1).recovered())).isInstanceOf(TransactionOutcome.class);
    assertThat(block.result().gasUsed()).isEqualTo(UInt64.valueOf(42_016));
    assertThat(block.result().receipts()).hasSize(2);
  }
}
