package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_blockNumber}: the number of the shard's canonical head block. */
public final class EthBlockNumber implements RpcMethod {

  private final ShardRpcData data;

  public EthBlockNumber(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_blockNumber";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return RpcHex.quantity(data.blockNumber(context.shard()));
  }
}
