package io.basalt.node.rpc.node;

import io.basalt.common.types.Slot;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code node_syncing}: {@code false} when the node is not syncing, as {@code eth_syncing}; else
 * {@code {headSlot, targetSlot, shardHeadSlots}} (QUANTITYs; the target is the highest of the wall
 * clock's slot and the peers' heads).
 */
public final class NodeSyncing implements RpcMethod {

  private final NodeRpcData data;

  public NodeSyncing(NodeRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "node_syncing";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    NodeRpcData.Sync sync = data.sync();
    if (!sync.syncing()) {
      return false;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("headSlot", RpcHex.quantity(sync.headSlot().value()));
    result.put("targetSlot", RpcHex.quantity(sync.targetSlot().value()));
    result.put("shardHeadSlots", sync.shardHeadSlots().stream().map(s -> quantity(s)).toList());
    return result;
  }

  private static String quantity(Slot slot) {
    return RpcHex.quantity(slot.value());
  }
}
