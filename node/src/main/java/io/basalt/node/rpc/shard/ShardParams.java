package io.basalt.node.rpc.shard;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;

/** The shard parameter of the {@code shard_*} methods: a number or QUANTITY below the count. */
final class ShardParams {

  private ShardParams() {}

  static ShardId shard(RpcParams params, int index, int shardCount) throws RpcException {
    var node = params.raw(index);
    long shard;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      shard = node.longValue();
    } else {
      shard = params.required(index, "shard", ParamTypes.LONG_QUANTITY);
    }
    if (shard < 0 || shard >= shardCount) {
      throw RpcException.invalidParams(
          index, "shard", "no shard " + shard + " (shards 0.." + (shardCount - 1) + ")");
    }
    return ShardId.of((int) shard);
  }
}
