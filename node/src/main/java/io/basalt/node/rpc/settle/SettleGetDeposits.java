package io.basalt.node.rpc.settle;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiDecoder;
import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.RpcLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code settle_getDeposits(rollupId, fromNonce?, limit?)}: a page of a rollup's deposits in nonce
 * order. The nonce and accumulator come from the contract's storage (so any of them can be proven
 * with {@code eth_getProof}); sender, recipient, amount, data and the including block come from the
 * deposit's {@code DepositQueued} log, found among the recent blocks ({@link SettlementLogs}), and
 * are {@code null} for an older deposit. {@code null} for an unknown rollup.
 */
public final class SettleGetDeposits implements RpcMethod {

  /** Deposits per page when no limit is given. */
  public static final int DEFAULT_LIMIT = 100;

  /** The most deposits one page may hold. */
  public static final int MAX_LIMIT = 1_000;

  private static final List<AbiType> LOG_DATA = AbiTypes.parseList("address,uint256,bytes,bytes32");

  private final SettlementRpcData data;

  public SettleGetDeposits(SettlementRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "settle_getDeposits";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    long rollupId = params.required(0, "rollupId", SettleParams.UINT64);
    long from = params.optional(1, "fromNonce", SettleParams.UINT64).orElse(0L);
    long limit = params.optional(2, "limit", SettleParams.UINT64).orElse((long) DEFAULT_LIMIT);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw RpcException.invalidParams(2, "limit", "must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    SettlementRpcData.Head head = data.head(context.shard());
    Optional<RollupRecord> rollup = head.store().rollup(rollupId);
    if (rollup.isEmpty()) {
      return null;
    }
    long count = rollup.get().depositCount();
    long end = Long.compareUnsigned(from, count) >= 0 ? from : Math.min(count, from + limit);
    List<Bytes32> nonceTopics = new ArrayList<>();
    for (long n = from; n < end; n++) {
      nonceTopics.add(SettlementLogs.uint64Topic(n));
    }
    Map<Bytes32, RpcLog> logs = new HashMap<>();
    if (!nonceTopics.isEmpty()) {
      for (RpcLog log :
          SettlementLogs.of(
              data,
              context.shard(),
              0,
              head.headNumber(),
              SettlementAbi.DEPOSIT_QUEUED,
              rollupId,
              nonceTopics)) {
        logs.put(log.log().topics().get(2), log);
      }
    }
    List<Map<String, Object>> deposits = new ArrayList<>();
    for (long n = from; n < end; n++) {
      Map<String, Object> deposit = new LinkedHashMap<>();
      deposit.put("nonce", SettlementJson.q(n));
      deposit.put("accumulator", head.store().depositAccumulator(rollupId, n).toHexString());
      details(deposit, logs.get(SettlementLogs.uint64Topic(n)));
      deposits.add(deposit);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollupId", SettlementJson.q(rollupId));
    json.put("depositCount", SettlementJson.q(count));
    json.put("deposits", deposits);
    json.put("next", end < count ? SettlementJson.q(end) : null);
    return json;
  }

  /** The log's fields, or nulls when the log is outside the window (or undecodable). */
  private static void details(Map<String, Object> deposit, RpcLog log) {
    List<Object> values = null;
    if (log != null) {
      try {
        values = AbiDecoder.decode(LOG_DATA, log.log().data());
      } catch (AbiDecodingException e) {
        values = null; // the contract wrote it: cannot happen; report as not found
      }
    }
    boolean found = values != null;
    deposit.put("from", found ? topicAddress(log.log().topics().get(3)) : null);
    deposit.put("l2Recipient", found ? ((Address) values.get(0)).toHexString() : null);
    deposit.put("amount", found ? RpcHex.quantity((BigInteger) values.get(1)) : null);
    deposit.put("data", found ? ((Bytes) values.get(2)).toHexString() : null);
    deposit.put("blockNumber", found ? RpcHex.quantity(log.blockNumber()) : null);
    deposit.put("blockHash", found ? log.blockHash().toHexString() : null);
    deposit.put("transactionHash", found ? log.transactionHash().toHexString() : null);
  }

  private static String topicAddress(Bytes32 topic) {
    return new Address(topic.slice(12, 20)).toHexString();
  }
}
