package io.basalt.node.rpc.shard;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.RpcBlock;
import io.basalt.node.rpc.eth.ShardRpcData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code shard_getHead(shard)}: a shard's canonical head: {@code shard, number, hash, slot,
 * stateRoot, beaconBlockRoot}.
 */
public final class ShardGetHead implements RpcMethod {

  private final ShardRpcData data;

  public ShardGetHead(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "shard_getHead";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    ShardId shard = ShardParams.shard(params, 0, data.shardCount());
    RpcBlock head =
        data.block(shard, BlockParameter.LATEST)
            .orElseThrow(() -> RpcException.server("head block not found"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("shard", shard.id());
    json.put("number", RpcHex.quantity(head.number()));
    json.put("hash", head.hash().toHexString());
    json.put("slot", RpcHex.quantity(head.slot().value()));
    json.put("stateRoot", head.stateRoot().toHexString());
    json.put("beaconBlockRoot", head.beaconBlockRoot().toHexString());
    return json;
  }
}
