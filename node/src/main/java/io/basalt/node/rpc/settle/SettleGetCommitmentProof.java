package io.basalt.node.rpc.settle;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.settlement.json.SettlementProofJson;

/**
 * {@code settle_getCommitmentProof(rollupId, batchIndex)}: the proof that the batch is recorded in
 * the Settlement contract's storage of a shard state crosslinked in the latest finalized beacon
 * state, in {@link SettlementProofJson}'s form.
 */
public final class SettleGetCommitmentProof implements RpcMethod {

  private final SettleProofData data;

  public SettleGetCommitmentProof(SettleProofData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getCommitmentProof";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    long rollupId = params.required(0, "rollupId", ParamTypes.LONG_QUANTITY);
    long batchIndex = params.required(1, "batchIndex", ParamTypes.LONG_QUANTITY);
    return SettlementProofJson.toJson(data.commitmentProof(context.shard(), rollupId, batchIndex));
  }
}
