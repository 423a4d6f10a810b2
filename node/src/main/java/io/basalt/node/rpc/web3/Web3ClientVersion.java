package io.basalt.node.rpc.web3;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.ShardRpcData;

/** {@code web3_clientVersion}: the node's name and version. */
public final class Web3ClientVersion implements RpcMethod {

  private final ShardRpcData data;

  public Web3ClientVersion(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "web3_clientVersion";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return data.clientVersion();
  }
}
