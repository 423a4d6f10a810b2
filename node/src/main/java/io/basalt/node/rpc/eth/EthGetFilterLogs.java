package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_getFilterLogs}: every log a log filter matches over its block range. */
public final class EthGetFilterLogs implements RpcMethod {

  private final FilterManager filters;

  public EthGetFilterLogs(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_getFilterLogs";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    return filters.logs(context.shard(), params.required(0, "filterId", ParamTypes.STRING));
  }
}
