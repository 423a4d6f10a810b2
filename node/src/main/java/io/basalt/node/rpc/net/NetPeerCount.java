package io.basalt.node.rpc.net;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.ShardRpcData;

/** {@code net_peerCount}: the number of connected peers. */
public final class NetPeerCount implements RpcMethod {

  private final ShardRpcData data;

  public NetPeerCount(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "net_peerCount";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return RpcHex.quantity(data.peerCount());
  }
}
