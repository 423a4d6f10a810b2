package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.AccountProofVerifier;
import io.basalt.node.genesis.DevAccount;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The Ethereum API of a running node over real sockets, driven by web3j: transfers of both types, a
 * cross-shard transfer with its logs (query and subscription), proofs, block shapes, tags.
 */
class EthRpcNodeTest {

  private static final BigInteger ETH = BigInteger.TEN.pow(18);
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger MAX_FEE = GWEI.multiply(BigInteger.valueOf(100));
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private static RpcTestNode node;
  private static Web3j shard0;
  private static Web3j shard1;

  @BeforeAll
  static void start() throws Exception {
    node = RpcTestNode.get();
    shard0 = Web3j.build(new HttpService(node.shardUrl(0)));
    shard1 = Web3j.build(new HttpService(node.shardUrl(1)));
  }

  @AfterAll
  static void stopClients() {
    shard0.shutdown();
    shard1.shutdown();
  }

  @Test
  void shouldIncludeEip1559AndLegacyTransfersSignedByWeb3j() throws Exception {
    Credentials a = credentials(node.accounts.get(0));
    Credentials b = credentials(node.accounts.get(1));
    String to = randomAddress();
    long chainId = shard0.ethChainId().send().getChainId().longValue();
    BigInteger before = balance(shard0, a.getAddress());

    RawTransaction eip1559 =
        RawTransaction.createEtherTransaction(
            chainId, nonce(shard0, a), BigInteger.valueOf(21_000), to, ETH, GWEI, MAX_FEE);
    TransactionReceipt r1 = sendAndWait(shard0, TransactionEncoder.signMessage(eip1559, a));
    RawTransaction legacy =
        RawTransaction.createEtherTransaction(
            nonce(shard0, b),
            MAX_FEE,
            BigInteger.valueOf(21_000),
            to,
            ETH.multiply(BigInteger.TWO));
    TransactionReceipt r2 = sendAndWait(shard0, TransactionEncoder.signMessage(legacy, chainId, b));

    assertThat(r1.isStatusOK()).isTrue();
    assertThat(r1.getType()).isEqualTo("0x2");
    assertThat(r1.getGasUsed()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(r2.isStatusOK()).isTrue();
    assertThat(r2.getType()).isEqualTo("0x0");
    assertThat(balance(shard0, to)).isEqualTo(ETH.multiply(BigInteger.valueOf(3)));
    assertThat(nonce(shard0, a)).isEqualTo(BigInteger.ONE);
    assertThat(nonce(shard0, b)).isEqualTo(BigInteger.ONE);
    BigInteger fee = r1.getGasUsed().multiply(Numeric.decodeQuantity(r1.getEffectiveGasPrice()));
    assertThat(balance(shard0, a.getAddress())).isEqualTo(before.subtract(ETH).subtract(fee));
    // The recipient has nothing on the other shard: accounts are per shard.
    assertThat(balance(shard1, to)).isZero();

    var tx = shard0.ethGetTransactionByHash(r1.getTransactionHash()).send().getTransaction();
    assertThat(tx).isPresent();
    assertThat(tx.get().getFrom()).isEqualToIgnoringCase(a.getAddress());
    assertThat(tx.get().getBlockHash()).isEqualTo(r1.getBlockHash());
    EthBlock.Block block = shard0.ethGetBlockByHash(r1.getBlockHash(), false).send().getBlock();
    assertThat(block.getNumber()).isEqualTo(r1.getBlockNumber());
    assertThat(block.getTransactions())
        .extracting(t -> (String) t.get())
        .contains(r1.getTransactionHash());
  }

  @Test
  void shouldNumberBlocksContiguouslyWithEthereumShapes() throws Exception {
    RpcTestNode.await(TIMEOUT, "three blocks", () -> blockNumber(0) >= 3);
    long head = blockNumber(0);
    JsonNode genesis = node.call(0, "eth_getBlockByNumber", "earliest", false);
    assertThat(genesis.get("number").asText()).isEqualTo("0x0");
    JsonNode previous = genesis;
    for (long n = 1; n <= head; n++) {
      JsonNode block = node.call(0, "eth_getBlockByNumber", RpcHex.quantity(n), true);
      assertThat(block.get("number").asText()).isEqualTo(RpcHex.quantity(n));
      assertThat(block.get("parentHash").asText()).isEqualTo(previous.get("hash").asText());
      previous = block;
    }
    List<String> fields = new ArrayList<>();
    previous.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .contains(
            "number",
            "hash",
            "parentHash",
            "nonce",
            "sha3Uncles",
            "logsBloom",
            "transactionsRoot",
            "stateRoot",
            "receiptsRoot",
            "miner",
            "difficulty",
            "totalDifficulty",
            "extraData",
            "size",
            "gasLimit",
            "gasUsed",
            "timestamp",
            "transactions",
            "uncles",
            "baseFeePerGas",
            "mixHash");
    assertThat(previous.get("nonce").asText()).isEqualTo("0x0000000000000000");
    JsonNode byHash = node.call(0, "eth_getBlockByHash", previous.get("hash").asText(), true);
    assertThat(byHash).isEqualTo(previous);
    assertThat(node.call(0, "eth_getBlockByNumber", RpcHex.quantity(head + 1000), false).isNull())
        .isTrue();
  }

  @Test
  void shouldDeliverACrossShardTransferAndReportItsLogs() throws Exception {
    Credentials sender = credentials(node.accounts.get(2));
    String recipient = randomAddress();
    String crossShard = SystemContracts.CROSS_SHARD.toHexString();
    BlockingQueue<String> notifications = new LinkedBlockingQueue<>();
    WebSocket ws = webSocket("/shard/0/ws", notifications);
    ws.sendText(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"logs\","
                + "{\"address\":\""
                + crossShard
                + "\"}]}",
            true)
        .join();
    JsonNode subscribed = RpcTestNode.parse(notifications.poll(10, TimeUnit.SECONDS));
    String subscription = subscribed.get("result").asText();

    String data =
        FunctionEncoder.encode(
            new Function(
                "transfer",
                List.of(new Uint32(1), new org.web3j.abi.datatypes.Address(recipient)),
                List.of()));
    assertThat(data.substring(0, 10)).isEqualTo(CrossShard.TRANSFER.selector().toHexString());
    JsonNode estimate =
        node.call(
            0,
            "eth_estimateGas",
            Map.of(
                "from",
                sender.getAddress(),
                "to",
                crossShard,
                "data",
                data,
                "value",
                RpcHex.quantity(ETH)));
    BigInteger gas = Numeric.decodeQuantity(estimate.asText());
    assertThat(gas).isGreaterThan(BigInteger.valueOf(21_000));
    long chainId = shard0.ethChainId().send().getChainId().longValue();
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId, nonce(shard0, sender), gas, crossShard, ETH, data, GWEI, MAX_FEE);
    TransactionReceipt receipt = sendAndWait(shard0, TransactionEncoder.signMessage(tx, sender));
    assertThat(receipt.isStatusOK()).isTrue();
    assertThat(receipt.getLogs()).hasSize(1);
    assertThat(receipt.getLogs().get(0).getAddress()).isEqualToIgnoringCase(crossShard);

    JsonNode logs =
        node.call(
            0,
            "eth_getLogs",
            Map.of("fromBlock", "0x0", "toBlock", "latest", "address", crossShard));
    assertThat(logs.findValuesAsText("transactionHash")).contains(receipt.getTransactionHash());
    JsonNode byHash = node.call(0, "eth_getLogs", Map.of("blockHash", receipt.getBlockHash()));
    assertThat(byHash.findValuesAsText("transactionHash")).contains(receipt.getTransactionHash());

    RpcTestNode.await(
        TIMEOUT,
        "the logs notification",
        () -> {
          String message = notifications.poll(1, TimeUnit.SECONDS);
          if (message == null) {
            return false;
          }
          JsonNode json = RpcTestNode.parse(message);
          return json.path("method").asText().equals("eth_subscription")
              && json.path("params").path("subscription").asText().equals(subscription)
              && json.path("params")
                  .path("result")
                  .path("transactionHash")
                  .asText()
                  .equals(receipt.getTransactionHash());
        });
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();

    RpcTestNode.await(TIMEOUT, "delivery on shard 1", () -> balance(shard1, recipient).equals(ETH));
    assertThat(balance(shard0, recipient)).isZero();
  }

  @Test
  void shouldServeProofsThatVerifyAgainstTheBlockStateRoot() throws Exception {
    DevAccount account = node.accounts.get(3);
    long number = blockNumber(0);
    String tag = RpcHex.quantity(number);
    JsonNode proof = node.call(0, "eth_getProof", account.address().toHexString(), List.of(), tag);
    JsonNode block = node.call(0, "eth_getBlockByNumber", tag, false);
    List<Bytes> nodes = new ArrayList<>();
    proof.get("accountProof").forEach(n -> nodes.add(Bytes.fromHexString(n.asText())));

    Optional<Account> verified =
        AccountProofVerifier.verify(
            Bytes32.fromHexString(block.get("stateRoot").asText()), account.address(), nodes);

    assertThat(verified).isPresent();
    assertThat(RpcHex.quantity(verified.get().balance().value()))
        .isEqualTo(proof.get("balance").asText())
        .isEqualTo(node.call(0, "eth_getBalance", account.address().toHexString(), tag).asText());
    assertThat(RpcHex.quantity(verified.get().nonce())).isEqualTo(proof.get("nonce").asText());
  }

  @Test
  void shouldAdvanceSafeAndFinalizedAsTheChainFinalizes() throws Exception {
    RpcTestNode.await(
        Duration.ofSeconds(150),
        "a finalized shard block",
        () ->
            Numeric.decodeQuantity(
                        node.call(0, "eth_getBlockByNumber", "finalized", false)
                            .get("number")
                            .asText())
                    .signum()
                > 0);
    long finalized = number(node.call(0, "eth_getBlockByNumber", "finalized", false));
    long safe = number(node.call(0, "eth_getBlockByNumber", "safe", false));
    long latest = number(node.call(0, "eth_getBlockByNumber", "latest", false));
    assertThat(safe).isGreaterThanOrEqualTo(finalized);
    assertThat(latest).isGreaterThanOrEqualTo(safe);
    EthBlock.Block viaWeb3j =
        shard0.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false).send().getBlock();
    assertThat(viaWeb3j.getNumber().longValue()).isGreaterThanOrEqualTo(finalized);
  }

  @Test
  void shouldAnswerTheSimpleMethodsPerShard() throws Exception {
    RpcTestNode.await(TIMEOUT, "two blocks for the fee history", () -> blockNumber(0) >= 2);
    long chain0 = Numeric.decodeQuantity(node.call(0, "eth_chainId").asText()).longValue();
    long chain1 = Numeric.decodeQuantity(node.call(1, "eth_chainId").asText()).longValue();
    assertThat(chain1).isEqualTo(chain0 + 1);
    assertThat(node.call(1, "net_version").asText()).isEqualTo(Long.toString(chain1));
    assertThat(node.call(0, "net_listening").asBoolean()).isTrue();
    assertThat(node.call(0, "eth_accounts").isEmpty()).isTrue();
    assertThat(node.call(0, "web3_sha3", "0x").asText())
        .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    assertThat(node.call(0, "web3_clientVersion").asText()).startsWith("basalt/");
    assertThat(node.call(0, "eth_syncing").asBoolean()).isFalse();
    BigInteger gasPrice = Numeric.decodeQuantity(node.call(0, "eth_gasPrice").asText());
    assertThat(gasPrice).isGreaterThan(GWEI.subtract(BigInteger.ONE));
    JsonNode history = node.call(0, "eth_feeHistory", "0x2", "latest", List.of(50));
    assertThat(history.get("baseFeePerGas")).hasSize(3);
    assertThat(history.get("reward")).hasSize(2);
    assertThat(
            node.call(0, "eth_getCode", SystemContracts.CROSS_SHARD.toHexString(), "latest")
                .asText())
        .isEqualTo("0x");
    assertThat(node.request("/", "shard_getHead", 1).get("result").get("shard").asInt())
        .isEqualTo(1);
    assertThat(
            node.request("/", "shard_getBlock", 1, "earliest", false)
                .get("result")
                .get("number")
                .asText())
        .isEqualTo("0x0");
    // Node-wide methods are not served per shard.
    assertThat(node.request("/shard/1", "shard_getHead", 1).get("error").get("code").asInt())
        .isEqualTo(RpcException.METHOD_NOT_FOUND);
  }

  @Test
  void shouldReportNewBlocksToABlockFilterAndNewHeadsSubscription() throws Exception {
    String filter = node.call(0, "eth_newBlockFilter").asText();
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket ws = webSocket("/ws", messages);
    ws.sendText(
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}",
            true)
        .join();
    JsonNode subscribed = RpcTestNode.parse(messages.poll(10, TimeUnit.SECONDS));
    assertThat(subscribed.get("id").asInt()).isEqualTo(7);
    String head = messages.poll(30, TimeUnit.SECONDS);
    assertThat(head).as("a newHeads notification").isNotNull();
    JsonNode header = RpcTestNode.parse(head).get("params").get("result");
    assertThat(header.has("parentHash") && header.has("number")).isTrue();

    List<String> hashes = new ArrayList<>();
    RpcTestNode.await(
        TIMEOUT,
        "block filter changes",
        () -> {
          node.call(0, "eth_getFilterChanges", filter).forEach(h -> hashes.add(h.asText()));
          return !hashes.isEmpty();
        });
    JsonNode block = node.call(0, "eth_getBlockByHash", hashes.get(0), false);
    assertThat(block.isNull()).isFalse();
    assertThat(node.call(0, "eth_uninstallFilter", filter).asBoolean()).isTrue();
    assertThat(
            node.request("/shard/0", "eth_getFilterChanges", filter)
                .get("error")
                .get("code")
                .asInt())
        .isEqualTo(RpcException.SERVER_ERROR);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
  }

  @Test
  void shouldReportHealthAndAllowConfiguredOrigins() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> health =
        client.send(
            HttpRequest.newBuilder(URI.create(node.url("/health"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isIn(200, 206);
    assertThat(health.body()).contains("status");
    HttpResponse<String> cors =
        client.send(
            HttpRequest.newBuilder(URI.create(node.shardUrl(0)))
                .header("Origin", "http://wallet.example")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://wallet.example");
  }

  // ---- helpers ----

  static long number(JsonNode block) {
    return Numeric.decodeQuantity(block.get("number").asText()).longValue();
  }

  static long blockNumber(int shard) throws Exception {
    return Numeric.decodeQuantity(node.call(shard, "eth_blockNumber").asText()).longValue();
  }

  static Credentials credentials(DevAccount account) {
    return Credentials.create(account.privateKey());
  }

  static String randomAddress() {
    byte[] bytes = new byte[Address.SIZE];
    new java.security.SecureRandom().nextBytes(bytes);
    return new Address(Bytes.wrap(bytes)).toHexString();
  }

  static BigInteger balance(Web3j web3, String address) throws Exception {
    return web3.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
  }

  static BigInteger nonce(Web3j web3, Credentials credentials) throws Exception {
    return web3.ethGetTransactionCount(credentials.getAddress(), DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount();
  }

  static TransactionReceipt sendAndWait(Web3j web3, byte[] signed) throws Exception {
    EthSendTransaction sent = web3.ethSendRawTransaction(Numeric.toHexString(signed)).send();
    assertThat(sent.hasError()).as(() -> sent.getError().getMessage()).isFalse();
    String hash = sent.getTransactionHash();
    TransactionReceipt[] receipt = new TransactionReceipt[1];
    RpcTestNode.await(
        TIMEOUT,
        "the receipt of " + hash,
        () -> {
          receipt[0] =
              web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElse(null);
          return receipt[0] != null;
        });
    return receipt[0];
  }

  static WebSocket webSocket(String path, BlockingQueue<String> messages) {
    return EthRpcNodeTestSupport.webSocket(node, path, messages);
  }
}
