package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_chainId}: the shard's EIP-155 chain id. */
public final class EthChainId implements RpcMethod {

  private final ShardRpcData data;

  public EthChainId(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_chainId";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return RpcHex.quantity(data.chainId(context.shard()));
  }
}
