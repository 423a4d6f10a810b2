package io.basalt.execution.contracts;

import static io.basalt.execution.contracts.Settlement.existing;
import static io.basalt.execution.contracts.Settlement.existingBatch;
import static io.basalt.execution.contracts.Settlement.u64;

import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.InclusionStatus;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.settlement.Uint;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** The Settlement contract's views; see {@link io.basalt.execution.settlement.SettlementAbi}. */
final class SettlementQueries {

  /** A batch's status under {@code view}. */
  static BatchStatus status(RollupRecord rollup, BatchRecord batch, SettlementView view) {
    return BatchStatus.of(
        batch.reverted(),
        batch.commitSlot(),
        rollup.challengePeriod(),
        view.slot(),
        view.finalizedShardSlot());
  }

  ContractResult getRollup(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    RollupRecord r = existing(new SettlementStore(context.storage()), rollupId);
    boolean hasBatch = r.lastGoodPlus1() != 0;
    return ContractResult.returned(
        SettlementAbi.GET_ROLLUP.encodeReturn(
            List.of(
                Uint.of(r.challengePeriod()),
                Uint.of(r.operatorThreshold()),
                BigInteger.valueOf(r.operatorCount()),
                Uint.of(r.operatorNonce()),
                Uint.of(r.challengerThreshold()),
                Uint.of(r.batchCount()),
                Uint.of(r.depositCount()),
                r.frozen(),
                hasBatch,
                Uint.of(hasBatch ? r.lastGoodPlus1() - 1 : 0))));
  }

  ContractResult getBatch(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    long batchIndex = u64(a.get(1));
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = existing(store, rollupId);
    BatchRecord batch = existingBatch(store, rollupId, rollup, batchIndex);
    SettlementView view = context.settlement();
    InclusionStatus inclusion =
        InclusionStatus.of(
            batch.commitSlot(), view.justifiedShardSlot(), view.finalizedShardSlot());
    return ContractResult.returned(
        SettlementAbi.GET_BATCH.encodeReturn(
            List.of(
                batch.batchHash(),
                batch.header().parentBatchHash(),
                Uint.of(batch.header().l2StartBlock()),
                Uint.of(batch.header().l2EndBlock()),
                batch.header().stateRoot(),
                batch.header().withdrawalsRoot(),
                batch.header().dataHash(),
                batch.commitSlot().value().toBigInteger(),
                batch.challengeDeadline(rollup.challengePeriod()).value().toBigInteger(),
                BigInteger.valueOf(status(rollup, batch, view).ordinal()),
                BigInteger.valueOf(inclusion.ordinal()))));
  }

  /**
   * The newest SETTLED batch. Commit slots do not decrease with the index and finality only
   * advances, so walking down from the newest non-reverted batch the first SETTLED one is it.
   */
  ContractResult latestSettled(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = existing(store, rollupId);
    for (long i = rollup.lastGoodPlus1() - 1; i >= 0; i--) {
      BatchRecord batch = store.batch(rollupId, i);
      if (status(rollup, batch, context.settlement()) == BatchStatus.SETTLED) {
        return latest(true, i, batch.batchHash());
      }
    }
    return latest(false, 0, Bytes32.ZERO);
  }

  private static ContractResult latest(boolean found, long index, Bytes32 hash) {
    return ContractResult.returned(
        SettlementAbi.LATEST_SETTLED.encodeReturn(List.of(found, Uint.of(index), hash)));
  }

  ContractResult isSpent(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    SettlementStore store = new SettlementStore(context.storage());
    existing(store, rollupId);
    return ContractResult.returned(
        SettlementAbi.IS_SPENT.encodeReturn(List.of(store.isSpent(rollupId, u64(a.get(1))))));
  }

  ContractResult escrowOf(CallContext context, List<Object> a) throws RevertException {
    RollupRecord rollup = existing(new SettlementStore(context.storage()), u64(a.get(0)));
    return ContractResult.returned(
        SettlementAbi.ESCROW_OF.encodeReturn(List.of(rollup.escrow(), rollup.bond())));
  }

  ContractResult depositAccAt(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    long nonce = u64(a.get(1));
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = existing(store, rollupId);
    if (Long.compareUnsigned(nonce, rollup.depositCount()) >= 0) {
      throw new RevertException(
          "deposit " + Long.toUnsignedString(nonce) + " of rollup " + rollupId + " does not exist");
    }
    return ContractResult.returned(
        SettlementAbi.DEPOSIT_ACC_AT.encodeReturn(
            List.of(store.depositAccumulator(rollupId, nonce))));
  }
}
