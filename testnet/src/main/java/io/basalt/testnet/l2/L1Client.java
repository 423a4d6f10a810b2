package io.basalt.testnet.l2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.testnet.load.JsonRpcClient;
import io.basalt.testnet.load.RpcResult;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One shard of a Basalt node seen through JSON-RPC, as an L2 needs it: signed calls to the
 * Settlement contract ({@code eth_sendRawTransaction}, waiting for the receipt), read-only calls
 * ({@code eth_call}), balances, logs, the head's slot and the shard's crosslinked slots ({@code
 * beacon_getCrosslinks}). {@code url} is the node's root endpoint ({@code /}), which serves shard 0
 * and the node-wide methods, so the client works on shard 0. Calls block; one sender at a time.
 */
public final class L1Client {

  /** When {@code eth_estimateGas} refuses (a call expected to revert), send with this much gas. */
  static final long FALLBACK_GAS = 2_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(90);
  private static final int SHARD = 0;

  private final JsonRpcClient rpc = new JsonRpcClient();
  private final SecpEcdsa ecdsa = SecpEcdsa.getDefault();
  private final String url;
  private final long chainId;
  private final long genesisTime;
  private final long secondsPerSlot;

  /**
   * @param url the node's JSON-RPC root ({@code http://127.0.0.1:8545})
   * @param chainId shard 0's EIP-155 chain id
   * @param genesisTime the testnet's genesis time (Unix seconds), to turn timestamps into slots
   * @param secondsPerSlot the slot length
   */
  public L1Client(String url, long chainId, long genesisTime, long secondsPerSlot) {
    this.url = url;
    this.chainId = chainId;
    this.genesisTime = genesisTime;
    this.secondsPerSlot = secondsPerSlot;
  }

  /** The account {@code key} controls. */
  public Address addressOf(SecpPrivateKey key) {
    return Address.fromPublicKey(ecdsa.publicKeyOf(key));
  }

  public long chainId() {
    return chainId;
  }

  public int shard() {
    return SHARD;
  }

  /**
   * Signs and sends a call of the Settlement contract from {@code key}'s account, then waits for
   * its receipt. A call that reverts is still mined: check {@link L1Receipt#success()}.
   *
   * @throws L2Exception if the node refuses the transaction or no receipt comes in time
   */
  public L1Receipt send(SecpPrivateKey key, Bytes data, BigInteger value) throws L2Exception {
    Address from = addressOf(key);
    long nonce = quantity(request("eth_getTransactionCount", List.of(hex(from), "pending")));
    long gas = estimateGas(from, data, value).orElse(FALLBACK_GAS);
    BigInteger tip = quantityBig(request("eth_maxPriorityFeePerGas", List.of()));
    BigInteger price = quantityBig(request("eth_gasPrice", List.of()));
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(chainId),
            UInt64.valueOf(nonce),
            tip,
            // Room for the base fee to double a few times before inclusion.
            price.multiply(BigInteger.valueOf(4)).add(tip),
            UInt64.valueOf(gas),
            Optional.of(SystemContracts.SETTLEMENT),
            value,
            data,
            List.of());
    String raw = TransactionSigner.sign(unsigned, key, ecdsa).encode().toHexString();
    String txHash = request("eth_sendRawTransaction", List.of(raw)).asText();
    return awaitReceipt(txHash);
  }

  /**
   * {@code eth_call} of the Settlement contract at the head: the return data.
   *
   * @throws L2Exception with the revert reason if the call reverts
   */
  public Bytes call(Bytes data) throws L2Exception {
    return Bytes.fromHexString(
        request("eth_call", List.of(callObject(null, data, null), "latest")).asText());
  }

  /** The reason {@code eth_call} of this call reverts at the head, or empty if it succeeds. */
  public Optional<String> revertReason(Address from, Bytes data, BigInteger value)
      throws L2Exception {
    RpcResult result = await("eth_call", List.of(callObject(from, data, value), "latest"));
    if (result.isOk()) {
      return Optional.empty();
    }
    if (result.errorCode() == 3) {
      return Optional.of(result.errorMessage());
    }
    throw new L2Exception("eth_call failed: " + result.errorMessage());
  }

  public BigInteger balance(Address account) throws L2Exception {
    return quantityBig(request("eth_getBalance", List.of(hex(account), "latest")));
  }

  /** The slot of the shard's head block. */
  public long headSlot() throws L2Exception {
    return slotOf(request("eth_getBlockByNumber", List.of("latest", false)));
  }

  /** The slot of the block {@code blockHash}. */
  public long blockSlot(Bytes32 blockHash) throws L2Exception {
    return slotOf(request("eth_getBlockByHash", List.of(blockHash.toHexString(), false)));
  }

  /**
   * The slot of this shard's newest block crosslinked in the node's {@code finalized} (or {@code
   * justified}) beacon state; empty if none yet.
   */
  public Optional<Long> crosslinkedSlot(String stateId) throws L2Exception {
    JsonNode crosslinks = request("beacon_getCrosslinks", List.of(stateId));
    for (JsonNode c : crosslinks) {
      if (c.path("shard").asLong(-1) == SHARD
          && !Bytes32.fromHexString(c.path("shard_block_root").asText()).isZero()) {
        return Optional.of(Long.parseLong(c.path("slot").asText()));
      }
    }
    return Optional.empty();
  }

  /** The Settlement contract's logs with these leading topics, from {@code fromBlock} on. */
  public List<L1Log> logs(long fromBlock, List<Bytes32> topics) throws L2Exception {
    Map<String, Object> filter = new LinkedHashMap<>();
    filter.put("fromBlock", "0x" + Long.toHexString(fromBlock));
    filter.put("toBlock", "latest");
    filter.put("address", hex(SystemContracts.SETTLEMENT));
    filter.put("topics", topics.stream().map(Bytes32::toHexString).toList());
    List<L1Log> logs = new ArrayList<>();
    for (JsonNode log : request("eth_getLogs", List.of(filter))) {
      logs.add(log(log));
    }
    return logs;
  }

  private Optional<Long> estimateGas(Address from, Bytes data, BigInteger value)
      throws L2Exception {
    RpcResult result = await("eth_estimateGas", List.of(callObject(from, data, value)));
    return result.isOk()
        ? Optional.of(quantity(JSON.valueToTree(result.result().get())))
        : Optional.empty();
  }

  private L1Receipt awaitReceipt(String txHash) throws L2Exception {
    long deadline = System.nanoTime() + RECEIPT_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode receipt = request("eth_getTransactionReceipt", List.of(txHash));
      if (!receipt.isNull() && !receipt.isMissingNode()) {
        List<L1Log> logs = new ArrayList<>();
        for (JsonNode log : receipt.path("logs")) {
          logs.add(log(log));
        }
        return new L1Receipt(
            Bytes32.fromHexString(txHash),
            "0x1".equals(receipt.path("status").asText()),
            quantity(receipt.path("gasUsed")),
            quantityBig(receipt.path("effectiveGasPrice")),
            quantity(receipt.path("blockNumber")),
            Bytes32.fromHexString(receipt.path("blockHash").asText()),
            logs);
      }
      sleep(500);
    }
    throw new L2Exception("transaction " + txHash + " not mined within " + RECEIPT_TIMEOUT);
  }

  private long slotOf(JsonNode block) throws L2Exception {
    if (block.isNull() || block.isMissingNode()) {
      throw new L2Exception("block not found");
    }
    return (quantity(block.path("timestamp")) - genesisTime) / secondsPerSlot;
  }

  private static L1Log log(JsonNode log) {
    List<Bytes32> topics = new ArrayList<>();
    log.path("topics").forEach(t -> topics.add(Bytes32.fromHexString(t.asText())));
    return new L1Log(
        Address.fromHexString(log.path("address").asText()),
        topics,
        Bytes.fromHexString(log.path("data").asText()),
        Long.decode(log.path("blockNumber").asText()));
  }

  private static Map<String, Object> callObject(Address from, Bytes data, BigInteger value) {
    Map<String, Object> call = new LinkedHashMap<>();
    if (from != null) {
      call.put("from", hex(from));
    }
    call.put("to", hex(SystemContracts.SETTLEMENT));
    call.put("data", data.toHexString());
    if (value != null && value.signum() > 0) {
      call.put("value", "0x" + value.toString(16));
    }
    return call;
  }

  /** Any JSON-RPC method of the node's shard-0 endpoint; an error answer is an exception. */
  JsonNode request(String method, List<?> params) throws L2Exception {
    RpcResult result = await(method, params);
    if (!result.isOk()) {
      throw new L2Exception(method + " failed: " + result.errorMessage());
    }
    String text = result.result().get();
    try {
      // Objects and arrays come back as JSON text, strings as their content.
      return text.startsWith("{") || text.startsWith("[") || text.equals("null")
          ? JSON.readTree(text)
          : JSON.getNodeFactory().textNode(text);
    } catch (IOException e) {
      throw new L2Exception(method + " answered malformed JSON: " + e.getMessage(), e);
    }
  }

  private RpcResult await(String method, List<?> params) throws L2Exception {
    try {
      return rpc.call(url, method, params).get();
    } catch (ExecutionException e) {
      throw new L2Exception(method + " failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L2Exception("interrupted during " + method, e);
    }
  }

  private static long quantity(JsonNode node) throws L2Exception {
    return quantityBig(node).longValueExact();
  }

  private static BigInteger quantityBig(JsonNode node) throws L2Exception {
    String text = node.asText();
    if (!text.startsWith("0x") || text.length() < 3) {
      throw new L2Exception("expected a hex quantity, got '" + text + "'");
    }
    return new BigInteger(text.substring(2), 16);
  }

  private static String hex(Address address) {
    return address.toHexString();
  }

  static void sleep(long millis) throws L2Exception {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new L2Exception("interrupted", e);
    }
  }
}
