package io.basalt.node.rpc.settle;

import io.basalt.common.types.ShardId;
import io.basalt.execution.abi.AbiEvent;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.Uint;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcLimits;
import io.basalt.node.rpc.eth.RpcLog;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Settlement events of one rollup in the recent canonical blocks: the last {@link
 * RpcLimits#MAX_LOG_BLOCK_RANGE} blocks, the span one {@code eth_getLogs} may cover. Storage keeps
 * what the contract needs (accumulators, spent nonces); details it does not need (a deposit's
 * sender and amount, a paid withdrawal's amount) are only in these logs.
 */
final class SettlementLogs {

  private SettlementLogs() {}

  /** The first block number the window covers with the head at {@code headNumber}. */
  static long windowStart(long headNumber) {
    return Math.max(1, headNumber - RpcLimits.MAX_LOG_BLOCK_RANGE + 1);
  }

  /**
   * The {@code event} logs of {@code rollupId} from {@code from} to the head, whose second indexed
   * topic is one of {@code second} (any when empty).
   */
  static List<RpcLog> of(
      SettlementRpcData data,
      ShardId shard,
      long from,
      long headNumber,
      AbiEvent event,
      long rollupId,
      List<Bytes32> second)
      throws RpcException {
    if (from > headNumber) {
      return List.of();
    }
    LogFilter filter =
        new LogFilter(
            List.of(SystemContracts.SETTLEMENT),
            List.of(List.of(event.topic0()), List.of(uint64Topic(rollupId)), second));
    return data.logs(
        shard,
        Math.max(from, windowStart(headNumber)),
        headNumber,
        filter,
        RpcLimits.MAX_LOG_RESULTS);
  }

  static Bytes32 uint64Topic(long value) {
    return AbiEvent.topic(AbiTypes.UINT64, Uint.of(value));
  }
}
