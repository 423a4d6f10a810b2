package io.basalt.node.rpc.node;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code node_info}: client version, peer id, p2p listen addresses, fork digest, genesis time and
 * validators root, shard count and each shard's EIP-155 chain id (index = shard).
 */
public final class NodeInfo implements RpcMethod {

  private final NodeRpcData data;

  public NodeInfo(NodeRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "node_info";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    NodeRpcData.Info info = data.info();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("clientVersion", info.clientVersion());
    result.put("peerId", info.peerId());
    result.put("listenAddresses", info.listenAddresses());
    result.put("forkDigest", RpcHex.data(info.forkDigest()));
    result.put("genesisTime", RpcHex.quantity(info.genesisTime()));
    result.put("genesisValidatorsRoot", RpcHex.data(info.genesisValidatorsRoot()));
    result.put("shardCount", RpcHex.quantity(info.shardCount()));
    result.put("chainIds", info.chainIds().stream().map(RpcHex::quantity).toList());
    return result;
  }
}
