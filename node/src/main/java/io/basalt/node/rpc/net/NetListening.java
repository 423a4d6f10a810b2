package io.basalt.node.rpc.net;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code net_listening}: always true: the node accepts peers. */
public final class NetListening implements RpcMethod {

  @Override
  public String name() {
    return "net_listening";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return true;
  }
}
