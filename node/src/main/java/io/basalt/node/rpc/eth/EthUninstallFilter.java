package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_uninstallFilter}: removes a filter; false if there was none. */
public final class EthUninstallFilter implements RpcMethod {

  private final FilterManager filters;

  public EthUninstallFilter(FilterManager filters) {
    this.filters = filters;
  }

  @Override
  public String name() {
    return "eth_uninstallFilter";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    return filters.uninstall(params.required(0, "filterId", ParamTypes.STRING));
  }
}
