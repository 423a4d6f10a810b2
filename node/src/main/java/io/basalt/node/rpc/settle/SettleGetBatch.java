package io.basalt.node.rpc.settle;

import io.basalt.execution.settlement.RollupRecord;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Optional;

/**
 * {@code settle_getBatch(rollupId, batchIndex)}: a batch's header, hash, status, L1 inclusion (the
 * canonical shard block holding the commit and how final it is) and challenge deadline; {@code
 * null} for an unknown rollup or batch.
 */
public final class SettleGetBatch implements RpcMethod {

  private final SettlementRpcData data;

  public SettleGetBatch(SettlementRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getBatch";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    long rollupId = params.required(0, "rollupId", SettleParams.UINT64);
    long batchIndex = params.required(1, "batchIndex", SettleParams.UINT64);
    SettlementRpcData.Head head = data.head(context.shard());
    Optional<BatchState> batch = find(head, rollupId, batchIndex);
    if (batch.isEmpty()) {
      return null;
    }
    return SettlementJson.batch(
        batch.get(),
        context.shard().id(),
        data.blockAtSlot(context.shard(), batch.get().record().commitSlot()));
  }

  /** Batch {@code batchIndex} of {@code rollupId} at {@code head}, if committed. */
  static Optional<BatchState> find(SettlementRpcData.Head head, long rollupId, long batchIndex) {
    Optional<RollupRecord> rollup = head.store().rollup(rollupId);
    if (rollup.isEmpty() || Long.compareUnsigned(batchIndex, rollup.get().batchCount()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(
        BatchState.of(
            rollupId,
            batchIndex,
            rollup.get(),
            head.store().batch(rollupId, batchIndex),
            head.view()));
  }
}
