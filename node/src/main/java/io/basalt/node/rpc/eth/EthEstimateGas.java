package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_estimateGas}: the gas a transaction would use: intrinsic gas plus the system
 * contract's fixed execution gas.
 */
public final class EthEstimateGas implements RpcMethod {

  private final ShardRpcData data;

  public EthEstimateGas(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_estimateGas";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    CallRequest call = CallParams.parse(params.required(0, "transaction", ParamTypes.OBJECT), 0);
    BlockParameter block =
        params.optional(1, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    return RpcHex.quantity(data.estimateGas(context.shard(), call, block));
  }
}
