package io.basalt.node.rpc.eth;

import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import java.util.List;

/** Runs a log filter over its block range (or block hash), enforcing {@link RpcLimits}. */
public final class LogQuery {

  private LogQuery() {}

  public static List<RpcLog> run(ShardRpcData data, ShardId shard, FilterParams filter)
      throws RpcException {
    if (filter.blockHash().isPresent()) {
      return data.logs(shard, filter.blockHash().get(), filter.filter(), RpcLimits.MAX_LOG_RESULTS)
          .orElseThrow(() -> RpcException.server("unknown block"));
    }
    long head = data.blockNumber(shard);
    long from = number(data, shard, filter.fromBlock(), head);
    long requestedTo = number(data, shard, filter.toBlock(), head);
    if (from > requestedTo) {
      throw RpcException.server("invalid block range params");
    }
    checkRange(from, requestedTo); // the request's range, so the limit does not depend on the head
    long to = Math.min(requestedTo, head);
    return from > to ? List.of() : range(data, shard, from, to, filter.filter());
  }

  /** The logs of blocks {@code from..to}, failing when the range is over the limit. */
  public static List<RpcLog> range(
      ShardRpcData data, ShardId shard, long from, long to, LogFilter filter) throws RpcException {
    checkRange(from, to);
    return data.logs(shard, from, to, filter, RpcLimits.MAX_LOG_RESULTS);
  }

  private static void checkRange(long from, long to) throws RpcException {
    if (to - from + 1 > RpcLimits.MAX_LOG_BLOCK_RANGE) {
      throw RpcException.server(
          "block range of "
              + (to - from + 1)
              + " blocks exceeds the limit of "
              + RpcLimits.MAX_LOG_BLOCK_RANGE);
    }
  }

  /** The number a block parameter names (a tag resolves to its block's number). */
  static long number(ShardRpcData data, ShardId shard, BlockParameter block, long head)
      throws RpcException {
    return switch (block) {
      case BlockParameter.Number n -> n.number();
      case BlockParameter.Named named when named.tag() == BlockParameter.Tag.LATEST -> head;
      case BlockParameter.Named named when named.tag() == BlockParameter.Tag.PENDING -> head;
      default ->
          data.block(shard, block)
              .map(RpcBlock::number)
              .orElseThrow(() -> RpcException.server("header not found"));
    };
  }
}
