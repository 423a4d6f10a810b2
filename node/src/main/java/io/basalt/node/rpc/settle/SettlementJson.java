package io.basalt.node.rpc.settle;

import io.basalt.common.types.UInt64;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.node.rpc.RpcHex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The JSON shapes of the {@code settle_*} results, in Ethereum JSON-RPC style: camelCase fields,
 * integers as QUANTITY hex, hashes and keys as DATA.
 */
final class SettlementJson {

  private SettlementJson() {}

  static Map<String, Object> rollup(
      long rollupId,
      RollupRecord r,
      List<SettlementStore.Member> operators,
      List<SettlementStore.Member> challengers,
      Bytes32 depositAccumulator) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollupId", RpcHex.quantity(rollupId));
    json.put("challengePeriod", q(r.challengePeriod()));
    json.put("bond", RpcHex.quantity(r.bond()));
    json.put("escrow", RpcHex.quantity(r.escrow()));
    json.put("frozen", r.frozen());
    Map<String, Object> ops = committee(operators, r.operatorThreshold());
    ops.put("nonce", q(r.operatorNonce()));
    json.put("operators", ops);
    json.put("challengers", committee(challengers, r.challengerThreshold()));
    json.put("nextBatchIndex", q(r.batchCount()));
    json.put("lastBatchIndex", r.lastGoodPlus1() == 0 ? null : q(r.lastGoodPlus1() - 1));
    json.put("depositNonce", q(r.depositCount()));
    json.put("depositAccumulator", depositAccumulator.toHexString());
    return json;
  }

  private static Map<String, Object> committee(List<SettlementStore.Member> members, long t) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "members",
        members.stream()
            .map(m -> Map.of("pubkey", m.pubkey().toHexString(), "weight", q(m.weight())))
            .toList());
    json.put("threshold", q(t));
    return json;
  }

  /** A batch with its statuses and inclusion block (fields {@code null} when not found). */
  static Map<String, Object> batch(
      BatchState batch, int shard, Optional<SettlementRpcData.BlockRef> block) {
    BatchHeader h = batch.record().header();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("rollupId", q(batch.rollupId()));
    json.put("batchIndex", q(batch.batchIndex()));
    json.put("batchHash", batch.record().batchHash().toHexString());
    json.put("parentBatchHash", h.parentBatchHash().toHexString());
    json.put("l2StartBlock", q(h.l2StartBlock()));
    json.put("l2EndBlock", q(h.l2EndBlock()));
    json.put("stateRoot", h.stateRoot().toHexString());
    json.put("withdrawalsRoot", h.withdrawalsRoot().toHexString());
    json.put("dataHash", h.dataHash().toHexString());
    json.put("status", batch.status().name());
    json.put("challengeDeadline", RpcHex.quantity(batch.challengeDeadline().value()));
    Map<String, Object> inclusion = new LinkedHashMap<>();
    inclusion.put("status", batch.inclusion().name());
    inclusion.put("shard", RpcHex.quantity(shard));
    inclusion.put("blockNumber", block.map(b -> RpcHex.quantity(b.number())).orElse(null));
    inclusion.put("blockHash", block.map(b -> b.hash().toHexString()).orElse(null));
    inclusion.put("slot", RpcHex.quantity(batch.record().commitSlot().value()));
    json.put("inclusion", inclusion);
    return json;
  }

  /** {@code {batchIndex, batchHash, l2EndBlock}} of a batch named by a status head. */
  static Map<String, Object> head(SettlementStore store, long rollupId, long batchIndex) {
    var record = store.batch(rollupId, batchIndex);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("batchIndex", q(batchIndex));
    json.put("batchHash", record.batchHash().toHexString());
    json.put("l2EndBlock", q(record.header().l2EndBlock()));
    return json;
  }

  /** An unsigned 64-bit value as QUANTITY. */
  static String q(long unsigned) {
    return RpcHex.quantity(UInt64.fromBits(unsigned));
  }
}
