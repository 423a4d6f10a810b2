package io.basalt.node.rpc.settle;

import io.basalt.execution.settlement.RollupRecord;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code settle_getStatus(rollupId)}: the newest committed, L1-finalized and settled batches as the
 * Layer 2's {@code unsafe}, {@code safe} and {@code finalized} heads ({@link L2Status}), with the
 * Layer-1 slots they were derived from; {@code null} for an unknown rollup.
 */
public final class SettleGetStatus implements RpcMethod {

  private final SettlementRpcData data;

  public SettleGetStatus(SettlementRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getStatus";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    long rollupId = params.required(0, "rollupId", SettleParams.UINT64);
    SettlementRpcData.Head head = data.head(context.shard());
    Optional<RollupRecord> rollup = head.store().rollup(rollupId);
    if (rollup.isEmpty()) {
      return null;
    }
    L2Status status = L2Status.of(head.store(), rollupId, rollup.get(), head.view());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollupId", SettlementJson.q(rollupId));
    json.put("unsafe", head(head, rollupId, status.unsafe()));
    json.put("safe", head(head, rollupId, status.safe()));
    json.put("finalized", head(head, rollupId, status.finalized()));
    json.put("frozen", rollup.get().frozen());
    Map<String, Object> l1 = new LinkedHashMap<>();
    l1.put("slot", SettlementJson.q(head.view().slot().value().longValue()));
    l1.put(
        "justifiedShardSlot",
        head.view().justifiedShardSlot().map(s -> SettlementJson.q(s.value().bits())).orElse(null));
    l1.put(
        "finalizedShardSlot",
        head.view().finalizedShardSlot().map(s -> SettlementJson.q(s.value().bits())).orElse(null));
    json.put("l1", l1);
    return json;
  }

  private static Map<String, Object> head(
      SettlementRpcData.Head head, long rollupId, OptionalLong index) {
    return index.isEmpty() ? null : SettlementJson.head(head.store(), rollupId, index.getAsLong());
  }
}
