package io.basalt.node.rpc.eth;

import io.basalt.execution.transaction.AccessListEntry;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.Transaction;
import io.basalt.node.rpc.RpcHex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The result shapes of execution-apis for blocks, transactions, receipts and logs, field for field.
 * Fields Basalt has no value for get fixed ones (see docs/json-rpc.md).
 */
public final class EthJson {

  /** Keccak-256 of the RLP of an empty list: {@code sha3Uncles} of a block without uncles. */
  public static final String EMPTY_UNCLES_HASH =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";

  private EthJson() {}

  public static Map<String, Object> block(RpcBlock block, boolean fullTransactions) {
    Map<String, Object> json = header(block);
    json.put("size", RpcHex.quantity(block.size()));
    json.put("totalDifficulty", "0x0");
    json.put(
        "transactions",
        block.transactions().stream()
            .map(tx -> fullTransactions ? (Object) transaction(tx) : tx.tx().hash().toHexString())
            .toList());
    json.put("uncles", List.of());
    return json;
  }

  /** The header fields, as a {@code newHeads} notification carries them. */
  public static Map<String, Object> header(RpcBlock block) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("number", RpcHex.quantity(block.number()));
    json.put("hash", block.hash().toHexString());
    json.put("parentHash", block.parentHash().toHexString());
    json.put("nonce", "0x0000000000000000");
    json.put("sha3Uncles", EMPTY_UNCLES_HASH);
    json.put("logsBloom", block.logsBloom().toBytes().toHexString());
    json.put("transactionsRoot", block.transactionsRoot().toHexString());
    json.put("stateRoot", block.stateRoot().toHexString());
    json.put("receiptsRoot", block.receiptsRoot().toHexString());
    json.put("miner", block.miner().toHexString());
    json.put("difficulty", "0x0");
    json.put("extraData", "0x");
    json.put("gasLimit", RpcHex.quantity(block.gasLimit()));
    json.put("gasUsed", RpcHex.quantity(block.gasUsed()));
    json.put("timestamp", RpcHex.quantity(block.timestamp()));
    json.put("baseFeePerGas", RpcHex.quantity(block.baseFeePerGas()));
    json.put("mixHash", block.beaconBlockRoot().toHexString());
    return json;
  }

  public static Map<String, Object> transaction(RpcTransaction rpc) {
    Transaction tx = rpc.tx();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("blockHash", rpc.inclusion().map(i -> i.blockHash().toHexString()).orElse(null));
    json.put(
        "blockNumber", rpc.inclusion().map(i -> RpcHex.quantity(i.blockNumber())).orElse(null));
    json.put("from", rpc.from().toHexString());
    json.put("gas", RpcHex.quantity(tx.gasLimit()));
    json.put("gasPrice", RpcHex.quantity(rpc.gasPrice()));
    if (tx instanceof Eip1559Transaction) {
      json.put("maxFeePerGas", RpcHex.quantity(tx.maxFeePerGas()));
      json.put("maxPriorityFeePerGas", RpcHex.quantity(tx.maxPriorityFeePerGas()));
    }
    json.put("hash", tx.hash().toHexString());
    json.put("input", tx.data().toHexString());
    json.put("nonce", RpcHex.quantity(tx.nonce()));
    json.put("to", tx.to().map(a -> a.toHexString()).orElse(null));
    json.put("transactionIndex", rpc.inclusion().map(i -> RpcHex.quantity(i.index())).orElse(null));
    json.put("value", RpcHex.quantity(tx.value()));
    json.put("type", RpcHex.quantity(typeNumber(tx)));
    tx.chainId().ifPresent(id -> json.put("chainId", RpcHex.quantity(id)));
    switch (tx) {
      case Eip1559Transaction t -> {
        json.put("accessList", accessList(t.accessList()));
        json.put("v", RpcHex.quantity(t.yParity()));
        json.put("yParity", RpcHex.quantity(t.yParity()));
      }
      case LegacyTransaction t -> json.put("v", RpcHex.quantity(t.v()));
    }
    json.put("r", RpcHex.quantity(tx.r()));
    json.put("s", RpcHex.quantity(tx.s()));
    return json;
  }

  public static Map<String, Object> receipt(RpcReceipt rpc) {
    RpcTransaction included = rpc.transaction();
    RpcTransaction.Inclusion at = included.inclusion().orElseThrow();
    Transaction tx = included.tx();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("transactionHash", tx.hash().toHexString());
    json.put("transactionIndex", RpcHex.quantity(at.index()));
    json.put("blockHash", at.blockHash().toHexString());
    json.put("blockNumber", RpcHex.quantity(at.blockNumber()));
    json.put("from", included.from().toHexString());
    json.put("to", tx.to().map(a -> a.toHexString()).orElse(null));
    json.put("cumulativeGasUsed", RpcHex.quantity(rpc.receipt().cumulativeGasUsed()));
    json.put("gasUsed", RpcHex.quantity(rpc.gasUsed()));
    json.put("contractAddress", null);
    json.put("logs", rpc.logs().stream().map(EthJson::log).toList());
    json.put("logsBloom", rpc.receipt().bloom().toBytes().toHexString());
    json.put("type", RpcHex.quantity(typeNumber(tx)));
    json.put("status", rpc.receipt().success() ? "0x1" : "0x0");
    json.put("effectiveGasPrice", RpcHex.quantity(included.gasPrice()));
    return json;
  }

  public static Map<String, Object> log(RpcLog log) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("removed", log.removed());
    json.put("logIndex", RpcHex.quantity(log.logIndex()));
    json.put("transactionIndex", RpcHex.quantity(log.transactionIndex()));
    json.put("transactionHash", log.transactionHash().toHexString());
    json.put("blockHash", log.blockHash().toHexString());
    json.put("blockNumber", RpcHex.quantity(log.blockNumber()));
    json.put("address", log.log().address().toHexString());
    json.put("data", log.log().data().toHexString());
    json.put("topics", log.log().topics().stream().map(Bytes32::toHexString).toList());
    return json;
  }

  private static int typeNumber(Transaction tx) {
    return tx instanceof Eip1559Transaction ? 2 : 0;
  }

  private static List<Map<String, Object>> accessList(List<AccessListEntry> entries) {
    return entries.stream()
        .map(
            e -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("address", e.address().toHexString());
              json.put("storageKeys", e.storageKeys().stream().map(Bytes::toHexString).toList());
              return json;
            })
        .toList();
  }
}
