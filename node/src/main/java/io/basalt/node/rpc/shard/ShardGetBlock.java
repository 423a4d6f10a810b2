package io.basalt.node.rpc.shard;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.EthJson;
import io.basalt.node.rpc.eth.RpcBlock;
import io.basalt.node.rpc.eth.ShardRpcData;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code shard_getBlock(shard, block, fullTransactions)}: a block of any shard by number, tag or
 * hash, as {@code eth_getBlockByNumber} shows it plus {@code shard}, {@code slot} and {@code
 * beaconBlockRoot}; null if none.
 */
public final class ShardGetBlock implements RpcMethod {

  private final ShardRpcData data;

  public ShardGetBlock(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "shard_getBlock";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    ShardId shard = ShardParams.shard(params, 0, data.shardCount());
    BlockParameter block = block(params);
    boolean full = params.optional(2, "fullTransactions", ParamTypes.BOOLEAN).orElse(false);
    return data.block(shard, block).map(b -> json(b, full)).orElse(null);
  }

  /** A 32-byte hash is a block hash; anything else a number or tag. */
  private static BlockParameter block(RpcParams params) throws RpcException {
    var node = params.raw(1);
    if (node.isTextual() && node.textValue().length() == 66) {
      Bytes32 hash = params.required(1, "block", ParamTypes.HASH);
      return new BlockParameter.Hash(hash, false);
    }
    return params.required(1, "block", ParamTypes.BLOCK);
  }

  private static Map<String, Object> json(RpcBlock block, boolean full) {
    Map<String, Object> json = EthJson.block(block, full);
    json.put("shard", block.shard().id());
    json.put("slot", RpcHex.quantity(block.slot().value()));
    json.put("beaconBlockRoot", block.beaconBlockRoot().toHexString());
    return json;
  }
}
