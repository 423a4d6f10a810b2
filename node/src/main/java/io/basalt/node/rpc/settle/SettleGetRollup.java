package io.basalt.node.rpc.settle;

import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code settle_getRollup(rollupId)}: a rollup's configuration and running counters at the head;
 * {@code null} for an unknown rollup.
 */
public final class SettleGetRollup implements RpcMethod {

  private final SettlementRpcData data;

  public SettleGetRollup(SettlementRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getRollup";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    long rollupId = params.required(0, "rollupId", SettleParams.UINT64);
    SettlementRpcData.Head head = data.head(context.shard());
    SettlementStore store = head.store();
    Optional<RollupRecord> rollup = store.rollup(rollupId);
    if (rollup.isEmpty()) {
      return null;
    }
    RollupRecord r = rollup.get();
    Bytes32 accumulator =
        r.depositCount() == 0
            ? Bytes32.ZERO
            : store.depositAccumulator(rollupId, r.depositCount() - 1);
    return SettlementJson.rollup(
        rollupId,
        r,
        store.committee(rollupId, SettlementStore.Committee.OPERATORS, r.operatorCount()),
        store.committee(rollupId, SettlementStore.Committee.CHALLENGERS, r.challengerCount()),
        accumulator);
  }
}
