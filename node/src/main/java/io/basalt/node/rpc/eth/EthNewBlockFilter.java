package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_newBlockFilter}: installs a filter reporting new canonical block hashes. */
public final class EthNewBlockFilter implements RpcMethod {

  private final FilterManager filters;

  public EthNewBlockFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newBlockFilter";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return filters.newBlockFilter(context.shard());
  }
}
