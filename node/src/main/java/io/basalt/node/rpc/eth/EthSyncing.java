package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code eth_syncing}: false, or the sync progress while the node catches up. */
public final class EthSyncing implements RpcMethod {

  private final ShardRpcData data;

  public EthSyncing(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_syncing";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    SyncState state = data.syncState(context.shard());
    if (!state.syncing()) {
      return false;
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("startingBlock", RpcHex.quantity(state.startingBlock()));
    json.put("currentBlock", RpcHex.quantity(state.currentBlock()));
    json.put("highestBlock", RpcHex.quantity(state.highestBlock()));
    return json;
  }
}
