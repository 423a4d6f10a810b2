package io.basalt.node.rpc;

import io.basalt.common.types.ShardId;
import java.util.Objects;

/**
 * Where a request came in: the shard its endpoint serves ({@code POST /shard/<i>} is shard {@code
 * i}; {@code POST /} and {@code /ws} are shard 0).
 */
public record RpcContext(ShardId shard) {

  public RpcContext {
    Objects.requireNonNull(shard, "shard");
  }
}
