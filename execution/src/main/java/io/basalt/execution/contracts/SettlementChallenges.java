package io.basalt.execution.contracts;

import static io.basalt.execution.contracts.Settlement.check;
import static io.basalt.execution.contracts.Settlement.existing;
import static io.basalt.execution.contracts.Settlement.existingBatch;
import static io.basalt.execution.contracts.Settlement.u64;

import io.basalt.execution.abi.AbiDecoder;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.Quorum;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.settlement.SettlementStore.Committee;
import io.basalt.execution.settlement.SettlementStore.Member;
import io.basalt.execution.settlement.Uint;
import io.basalt.execution.state.Wei;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code challengeBatch}: EQUIVOCATION (two different batches at one index, each signed by an
 * operator quorum: the rollup is frozen and its whole bond paid to the challenger) and VETO (the
 * rollup's challenger committee reverts a batch within its challenge window, and with it every
 * later non-reverted batch, which all descend from it).
 */
final class SettlementChallenges {

  ContractResult challenge(CallContext context, List<Object> a) throws RevertException {
    long rollupId = u64(a.get(0));
    long batchIndex = u64(a.get(1));
    int kind = ((BigInteger) a.get(2)).intValue();
    Bytes evidence = (Bytes) a.get(3);
    if (context.value().signum() != 0) {
      throw new RevertException("challengeBatch takes no value for kinds EQUIVOCATION and VETO");
    }
    SettlementStore store = new SettlementStore(context.storage());
    RollupRecord rollup = existing(store, rollupId);
    return switch (kind) {
      case SettlementAbi.EQUIVOCATION ->
          equivocation(context, store, rollupId, rollup, batchIndex, evidence);
      case SettlementAbi.VETO -> veto(context, store, rollupId, rollup, batchIndex, evidence);
      default -> throw new RevertException("unknown challenge kind " + kind);
    };
  }

  private ContractResult equivocation(
      CallContext context,
      SettlementStore store,
      long rollupId,
      RollupRecord rollup,
      long batchIndex,
      Bytes evidence)
      throws RevertException {
    if (rollup.frozen()) {
      throw new RevertException("rollup " + Long.toUnsignedString(rollupId) + " is already frozen");
    }
    List<Object> e = decode(SettlementAbi.EQUIVOCATION_EVIDENCE, evidence, "equivocation");
    Bytes32 first = BatchHeader.fromAbi((List<?>) e.get(0)).batchHash(rollupId, batchIndex);
    Bytes32 second = BatchHeader.fromAbi((List<?>) e.get(3)).batchHash(rollupId, batchIndex);
    if (first.equals(second)) {
      throw new RevertException("equivocation evidence names the same batch twice");
    }
    List<Member> operators = store.committee(rollupId, Committee.OPERATORS, rollup.operatorCount());
    long chainId = context.settlement().chainId();
    check(
        Quorum.verify(
            "first batch's operator",
            operators,
            rollup.operatorThreshold(),
            (Bytes) e.get(1),
            (Bytes) e.get(2),
            SettlementDigests.commitDigest(chainId, context.shard(), rollupId, first)));
    check(
        Quorum.verify(
            "second batch's operator",
            operators,
            rollup.operatorThreshold(),
            (Bytes) e.get(4),
            (Bytes) e.get(5),
            SettlementDigests.commitDigest(chainId, context.shard(), rollupId, second)));
    BigInteger slashed = rollup.bond();
    store.putRollup(rollupId, rollup.slashed());
    List<Log> logs =
        List.of(
            challenged(rollupId, batchIndex, context, SettlementAbi.EQUIVOCATION),
            SettlementAbi.ROLLUP_FROZEN.toLog(
                SystemContracts.SETTLEMENT, List.of(Uint.of(rollupId), context.from(), slashed)));
    List<Payment> payments =
        slashed.signum() == 0 ? List.of() : List.of(new Payment(context.from(), new Wei(slashed)));
    return ContractResult.succeeded(Bytes.EMPTY, logs, payments);
  }

  private ContractResult veto(
      CallContext context,
      SettlementStore store,
      long rollupId,
      RollupRecord rollup,
      long batchIndex,
      Bytes evidence)
      throws RevertException {
    BatchRecord batch = existingBatch(store, rollupId, rollup, batchIndex);
    if (batch.reverted()) {
      throw new RevertException(
          "batch " + Long.toUnsignedString(batchIndex) + " is already reverted");
    }
    if (!context.settlement().slot().isBefore(batch.challengeDeadline(rollup.challengePeriod()))) {
      throw new RevertException(
          "challenge window of batch "
              + Long.toUnsignedString(batchIndex)
              + " closed at slot "
              + batch.challengeDeadline(rollup.challengePeriod()));
    }
    if (rollup.challengerCount() == 0) {
      throw new RevertException("rollup " + rollupId + " has no challenger committee");
    }
    List<Object> e = decode(SettlementAbi.VETO_EVIDENCE, evidence, "veto");
    check(
        Quorum.verify(
            "challenger",
            store.committee(rollupId, Committee.CHALLENGERS, rollup.challengerCount()),
            rollup.challengerThreshold(),
            (Bytes) e.get(0),
            (Bytes) e.get(1),
            SettlementDigests.vetoDigest(
                context.settlement().chainId(),
                context.shard(),
                rollupId,
                batchIndex,
                batch.batchHash())));
    List<Log> logs = new ArrayList<>();
    logs.add(challenged(rollupId, batchIndex, context, SettlementAbi.VETO));
    // Every non-reverted batch from batchIndex on descends from it: revert them all.
    for (long i = batchIndex; i < rollup.batchCount(); i++) {
      if (!store.isReverted(rollupId, i)) {
        store.markReverted(rollupId, i);
        Bytes32 hash = i == batchIndex ? batch.batchHash() : store.batch(rollupId, i).batchHash();
        logs.add(
            SettlementAbi.BATCH_REVERTED.toLog(
                SystemContracts.SETTLEMENT, List.of(Uint.of(rollupId), Uint.of(i), hash)));
      }
    }
    long lastGood = batchIndex - 1;
    while (lastGood >= 0 && store.isReverted(rollupId, lastGood)) {
      lastGood--;
    }
    store.putRollup(rollupId, rollup.withBatches(rollup.batchCount(), lastGood + 1));
    return ContractResult.succeeded(Bytes.EMPTY, logs, List.of());
  }

  private static Log challenged(long rollupId, long batchIndex, CallContext context, int kind) {
    return SettlementAbi.BATCH_CHALLENGED.toLog(
        SystemContracts.SETTLEMENT,
        List.of(Uint.of(rollupId), Uint.of(batchIndex), context.from(), BigInteger.valueOf(kind)));
  }

  private static List<Object> decode(List<AbiType> types, Bytes evidence, String kind)
      throws RevertException {
    try {
      return AbiDecoder.decode(types, evidence);
    } catch (AbiDecodingException e) {
      throw new RevertException("malformed " + kind + " evidence: " + e.getMessage());
    }
  }
}
