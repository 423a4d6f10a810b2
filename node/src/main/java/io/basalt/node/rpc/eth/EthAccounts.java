package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.List;

/** {@code eth_accounts}: always empty: the node holds no account keys. */
public final class EthAccounts implements RpcMethod {

  @Override
  public String name() {
    return "eth_accounts";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return List.of();
  }
}
