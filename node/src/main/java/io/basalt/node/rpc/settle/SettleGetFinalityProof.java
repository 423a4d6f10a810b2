package io.basalt.node.rpc.settle;

import io.basalt.common.types.Epoch;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.settlement.json.SettlementProofJson;

/**
 * {@code settle_getFinalityProof([epoch])}: the attestations that justified and finalized the
 * finalized checkpoint of {@code epoch} (default: the latest finalized checkpoint), with their
 * committees, in {@link SettlementProofJson}'s form.
 */
public final class SettleGetFinalityProof implements RpcMethod {

  private final SettleProofData data;

  public SettleGetFinalityProof(SettleProofData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getFinalityProof";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    var epoch = params.optional(0, "epoch", ParamTypes.LONG_QUANTITY).map(Epoch::of);
    return SettlementProofJson.toJson(data.finalityProof(epoch));
  }
}
