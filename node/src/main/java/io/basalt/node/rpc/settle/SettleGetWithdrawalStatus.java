package io.basalt.node.rpc.settle;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiDecoder;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.RpcLog;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code settle_getWithdrawalStatus(rollupId, batchIndex, withdrawal)}: whether a withdrawal of a
 * batch is SPENT, CLAIMABLE, NOT_SETTLED, REVERTED or REFUSED, with the reason ({@link
 * WithdrawalVerdict}). Given the withdrawal, its nonce's spent flag is read from storage; given
 * only the leaf hash, a {@code WithdrawalFinalized} log whose withdrawal hashes to it is searched
 * for since the batch's inclusion (within the recent-block window of {@link SettlementLogs}).
 * {@code null} for an unknown rollup or batch.
 */
public final class SettleGetWithdrawalStatus implements RpcMethod {

  private static final List<AbiType> LOG_DATA = AbiTypes.parseList("uint64,uint256");

  private final SettlementRpcData data;

  public SettleGetWithdrawalStatus(SettlementRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getWithdrawalStatus";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    long rollupId = params.required(0, "rollupId", SettleParams.UINT64);
    long batchIndex = params.required(1, "batchIndex", SettleParams.UINT64);
    WithdrawalRef ref = params.required(2, "withdrawal", WithdrawalRef.TYPE);
    SettlementRpcData.Head head = data.head(context.shard());
    Optional<BatchState> batch = SettleGetBatch.find(head, rollupId, batchIndex);
    if (batch.isEmpty()) {
      return null;
    }
    RollupRecord rollup = head.store().rollup(rollupId).orElseThrow();
    Optional<Withdrawal> withdrawal = ref.withdrawal();
    Optional<Boolean> spent;
    if (withdrawal.isPresent()) {
      spent = Optional.of(head.store().isSpent(rollupId, withdrawal.get().nonce()));
    } else {
      Optional<SettlementRpcData.BlockRef> block =
          data.blockAtSlot(context.shard(), batch.get().record().commitSlot());
      long from = block.map(SettlementRpcData.BlockRef::number).orElse(0L);
      withdrawal = paidInLogs(context, head, from, rollupId, ref);
      // Not spent only if the search covered every block since the batch's; unknown otherwise.
      boolean covered = block.isPresent() && from >= SettlementLogs.windowStart(head.headNumber());
      spent =
          withdrawal.isPresent()
              ? Optional.of(true)
              : covered ? Optional.of(false) : Optional.empty();
    }
    WithdrawalVerdict verdict =
        WithdrawalVerdict.of(
            batch.get(), rollup, head.view(), spent, withdrawal.map(Withdrawal::amount));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollupId", SettlementJson.q(rollupId));
    json.put("batchIndex", SettlementJson.q(batchIndex));
    json.put("leaf", ref.leaf().toHexString());
    json.put("nonce", withdrawal.map(w -> SettlementJson.q(w.nonce())).orElse(null));
    json.put("status", verdict.status().name());
    json.put("reason", verdict.reason());
    json.put("spent", spent.orElse(null));
    json.put("batchStatus", batch.get().status().name());
    return json;
  }

  /** The paid withdrawal whose leaf is {@code ref}'s, from the logs since block {@code from}. */
  private Optional<Withdrawal> paidInLogs(
      RpcContext context, SettlementRpcData.Head head, long from, long rollupId, WithdrawalRef ref)
      throws RpcException {
    for (RpcLog log :
        SettlementLogs.of(
            data,
            context.shard(),
            from,
            head.headNumber(),
            SettlementAbi.WITHDRAWAL_FINALIZED,
            rollupId,
            List.of())) {
      try {
        List<Object> values = AbiDecoder.decode(LOG_DATA, log.log().data());
        Withdrawal paid =
            new Withdrawal(
                log.log().topics().get(2).slice(24).toLong(),
                new Address(log.log().topics().get(3).slice(12, 20)),
                (BigInteger) values.get(1));
        if (paid.leaf().equals(ref.leaf())) {
          return Optional.of(paid);
        }
      } catch (AbiDecodingException e) {
        // written by the contract: cannot happen; not this withdrawal
      }
    }
    return Optional.empty();
  }
}
