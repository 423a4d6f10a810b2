package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_gasPrice}: a legacy gas price that gets included: the next base fee plus the suggested
 * tip.
 */
public final class EthGasPrice implements RpcMethod {

  private final ShardRpcData data;

  public EthGasPrice(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_gasPrice";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return RpcHex.quantity(
        data.pendingBaseFee(context.shard()).add(EthMaxPriorityFeePerGas.SUGGESTED_TIP));
  }
}
