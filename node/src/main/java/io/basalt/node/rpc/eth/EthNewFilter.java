package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_newFilter}: installs a log filter; poll it with eth_getFilterChanges. */
public final class EthNewFilter implements RpcMethod {

  private final FilterManager filters;

  public EthNewFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_newFilter";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    FilterParams filter =
        FilterParams.parse(params.required(0, "filter", ParamTypes.OBJECT), 0, "filter");
    return filters.newLogFilter(context.shard(), filter);
  }
}
