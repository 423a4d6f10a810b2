package io.basalt.execution.contracts;

import static io.basalt.execution.contracts.Settlement.check;
import static io.basalt.execution.contracts.Settlement.existingBatch;
import static io.basalt.execution.contracts.Settlement.live;
import static io.basalt.execution.contracts.Settlement.u64;
import static io.basalt.execution.settlement.SettlementAbi.DEPOSIT;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.settlement.Uint;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.execution.settlement.WithdrawalTree;
import io.basalt.execution.state.Wei;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Value in and out of a rollup: {@code deposit} (escrow, nonce, running accumulator) and {@code
 * finalizeWithdrawal} (a SETTLED batch, a withdrawal-tree proof, not yet spent, escrow sufficient;
 * marked spent before the processor applies the payment).
 */
final class SettlementFunds {

  /** Largest {@code data} a deposit carries. */
  static final int MAX_DEPOSIT_DATA = 1024;

  ContractResult deposit(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    Address l2Recipient = (Address) a.get(1);
    Bytes data = (Bytes) a.get(2);
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = live(store, rollupId);
    if (context.value().signum() == 0) {
      throw new RevertException("deposit of zero value");
    }
    if (data.size() > MAX_DEPOSIT_DATA) {
      throw new RevertException(
          "deposit data of " + data.size() + " bytes exceeds " + MAX_DEPOSIT_DATA);
    }
    long nonce = rollup.depositCount();
    Bytes32 previous = nonce == 0 ? Bytes32.ZERO : store.depositAccumulator(rollupId, nonce - 1);
    Bytes32 accumulator =
        Hash.keccak256(
            AbiEncoder.encode(
                SettlementAbi.DEPOSIT_ACC,
                List.of(
                    previous,
                    Uint.of(nonce),
                    context.from(),
                    l2Recipient,
                    context.value(),
                    Hash.keccak256(data))));
    store.putDepositAccumulator(rollupId, nonce, accumulator);
    store.putRollup(rollupId, rollup.withEscrow(rollup.escrow().add(context.value()), nonce + 1));
    return ContractResult.succeeded(
        DEPOSIT.encodeReturn(List.of(Uint.of(nonce))),
        List.of(
            SettlementAbi.DEPOSIT_QUEUED.toLog(
                SystemContracts.SETTLEMENT,
                List.of(
                    Uint.of(rollupId),
                    Uint.of(nonce),
                    context.from(),
                    l2Recipient,
                    context.value(),
                    data,
                    accumulator))),
        List.of());
  }

  ContractResult finalize(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    long batchIndex = u64(a.get(1));
    Withdrawal withdrawal = Withdrawal.fromAbi((List<?>) a.get(2));
    long leafIndex = u64(a.get(3));
    List<?> proof = (List<?>) a.get(4);
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = live(store, rollupId);
    BatchRecord batch = existingBatch(store, rollupId, rollup, batchIndex);
    BatchStatus status = SettlementQueries.status(rollup, batch, context.settlement());
    if (status != BatchStatus.SETTLED) {
      throw new RevertException(
          "batch " + Long.toUnsignedString(batchIndex) + " is " + status + ", not SETTLED");
    }
    List<Bytes32> siblings =
        ((List<?>) proof.get(1)).stream().map(s -> Bytes32.wrap((Bytes) s)).toList();
    check(
        WithdrawalTree.verify(
            batch.header().withdrawalsRoot(),
            withdrawal.leaf(),
            leafIndex,
            u64(proof.get(0)),
            siblings));
    if (withdrawal.amount().signum() == 0) {
      throw new RevertException("withdrawal of zero value");
    }
    if (store.isSpent(rollupId, withdrawal.nonce())) {
      throw new RevertException(
          "withdrawal " + Long.toUnsignedString(withdrawal.nonce()) + " is already finalized");
    }
    if (rollup.escrow().compareTo(withdrawal.amount()) < 0) {
      throw new RevertException(
          "escrow of "
              + rollup.escrow()
              + " wei cannot pay a withdrawal of "
              + withdrawal.amount());
    }
    // Spent before the payment: the payment is applied after this call returns.
    store.markSpent(rollupId, withdrawal.nonce());
    store.putRollup(
        rollupId,
        rollup.withEscrow(rollup.escrow().subtract(withdrawal.amount()), rollup.depositCount()));
    return ContractResult.succeeded(
        Bytes.EMPTY,
        List.of(
            SettlementAbi.WITHDRAWAL_FINALIZED.toLog(
                SystemContracts.SETTLEMENT,
                List.of(
                    Uint.of(rollupId),
                    Uint.of(withdrawal.nonce()),
                    withdrawal.recipient(),
                    Uint.of(batchIndex),
                    withdrawal.amount()))),
        List.of(new Payment(withdrawal.recipient(), new Wei(withdrawal.amount()))));
  }
}
