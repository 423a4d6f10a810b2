package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_getFilterChanges}: what a filter saw since its last poll: block hashes or logs. */
public final class EthGetFilterChanges implements RpcMethod {

  private final FilterManager filters;

  public EthGetFilterChanges(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterChanges";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    return filters.changes(context.shard(), params.required(0, "filterId", ParamTypes.STRING));
  }
}
