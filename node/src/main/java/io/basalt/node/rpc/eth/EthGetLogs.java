package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_getLogs}: the logs of canonical blocks matching a filter, within the block range and
 * result limits.
 */
public final class EthGetLogs implements RpcMethod {

  private final ShardRpcData data;

  public EthGetLogs(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getLogs";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    FilterParams filter =
        FilterParams.parse(params.required(0, "filter", ParamTypes.OBJECT), 0, "filter");
    return LogQuery.run(data, context.shard(), filter).stream().map(EthJson::log).toList();
  }
}
