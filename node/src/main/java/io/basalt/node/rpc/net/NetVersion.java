package io.basalt.node.rpc.net;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.ShardRpcData;

/** {@code net_version}: the shard's chain id in decimal, as the network id. */
public final class NetVersion implements RpcMethod {

  private final ShardRpcData data;

  public NetVersion(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "net_version";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return Long.toString(data.chainId(context.shard()));
  }
}
