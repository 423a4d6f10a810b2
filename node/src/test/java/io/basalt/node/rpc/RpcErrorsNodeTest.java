package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.rpc.server.RpcServerConfig;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Every error class of the server and the transaction rejections, over HTTP to a running node. */
class RpcErrorsNodeTest {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static RpcTestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = RpcTestNode.get();
  }

  @Test
  void shouldAnswerParseErrorForBadJson() throws Exception {
    JsonNode error = error(node.post("/", "{\"jsonrpc\":\"2.0\",").body());
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.PARSE_ERROR);
  }

  @Test
  void shouldAnswerInvalidRequestForANonObject() throws Exception {
    JsonNode error = error(node.post("/shard/0", "[1]").body());
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.INVALID_REQUEST);
  }

  @Test
  void shouldAnswerMethodNotFound() throws Exception {
    JsonNode error = node.request("/shard/0", "eth_mine").get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.METHOD_NOT_FOUND);
    assertThat(error.get("message").asText()).contains("eth_mine");
  }

  @Test
  void shouldNameTheWrongParameter() throws Exception {
    JsonNode error = node.request("/shard/0", "eth_getBalance", "0x1234", "latest").get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").asText()).contains("address");
    JsonNode wrongType = node.request("/shard/0", "eth_getBlockByNumber", 5, false).get("error");
    assertThat(wrongType.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(wrongType.get("message").asText()).contains("block");
  }

  @Test
  void shouldRefuseAnOversizedBatchSayingTheLimit() throws Exception {
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i <= RpcServerConfig.DEFAULT_MAX_BATCH; i++) {
      batch.append(i == 0 ? "" : ",");
      batch.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i);
      batch.append(",\"method\":\"eth_blockNumber\"}");
    }
    JsonNode error = error(node.post("/", batch.append("]").toString()).body());
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.INVALID_REQUEST);
    assertThat(error.get("message").asText())
        .contains(Integer.toString(RpcServerConfig.DEFAULT_MAX_BATCH));
  }

  @Test
  void shouldAnswerABatchInOrder() throws Exception {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"eth_chainId\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"}]";
    JsonNode responses = RpcTestNode.parse(node.post("/shard/1", batch).body());
    assertThat(responses).hasSize(2); // the notification gets no response
    assertThat(responses.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(responses.get(1).get("error").get("code").asInt())
        .isEqualTo(RpcException.METHOD_NOT_FOUND);
  }

  @Test
  void shouldRefuseAnOversizedBodySayingTheLimitAndKeepServing() throws Exception {
    String big = "[\"" + "a".repeat(RpcServerConfig.DEFAULT_MAX_BODY_BYTES) + "\"]";
    HttpResponse<String> response = node.post("/", big);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(error(response.body()).get("message").asText())
        .contains(Integer.toString(RpcServerConfig.DEFAULT_MAX_BODY_BYTES));
    assertThat(node.call(0, "eth_chainId").asText()).startsWith("0x");
  }

  @Test
  void shouldLimitTheLogsBlockRange() throws Exception {
    JsonNode error =
        node.request("/shard/0", "eth_getLogs", Map.of("fromBlock", "0x0", "toBlock", "0x100000"))
            .get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(error.get("message").asText()).contains("5000");
  }

  @Test
  void shouldNotFindUnknownShardEndpoints() throws Exception {
    assertThat(node.post("/shard/9", "{}").statusCode()).isEqualTo(404);
    assertThat(node.post("/nowhere", "{}").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseATransactionForAnotherShardsChainId() throws Exception {
    Credentials sender = Credentials.create(node.accounts.get(5).privateKey());
    long shard1 = chainId(1);
    byte[] signed = TransactionEncoder.signMessage(transfer(shard1, BigInteger.ZERO, GWEI), sender);
    String message = rejection(0, signed);
    assertThat(message)
        .isEqualTo("invalid chain id for signer: have " + shard1 + " want " + chainId(0));
  }

  @Test
  void shouldRefuseANonceTooLow() throws Exception {
    Credentials sender = Credentials.create(node.accounts.get(6).privateKey());
    long chainId = chainId(0);
    byte[] first = TransactionEncoder.signMessage(transfer(chainId, BigInteger.ZERO, GWEI), sender);
    String hash = node.call(0, "eth_sendRawTransaction", Numeric.toHexString(first)).asText();
    RpcTestNode.await(
        java.time.Duration.ofSeconds(60),
        "the first transfer's receipt",
        () -> !node.call(0, "eth_getTransactionReceipt", hash).isNull());
    byte[] again =
        TransactionEncoder.signMessage(
            transfer(chainId, BigInteger.ZERO, GWEI.multiply(BigInteger.TWO)), sender);
    assertThat(rejection(0, again)).isEqualTo("nonce too low");
  }

  @Test
  void shouldRefuseAnUnderpricedReplacement() throws Exception {
    Credentials sender = Credentials.create(node.accounts.get(7).privateKey());
    long chainId = chainId(0);
    // Nonce 1 while the account's nonce is 0: it waits in the pool, so the replacement meets it.
    RawTransaction queued =
        RawTransaction.createEtherTransaction(
            chainId,
            BigInteger.ONE,
            BigInteger.valueOf(21_000),
            sender.getAddress(),
            BigInteger.ONE,
            GWEI,
            GWEI.multiply(BigInteger.valueOf(100)));
    node.call(
        0,
        "eth_sendRawTransaction",
        Numeric.toHexString(TransactionEncoder.signMessage(queued, sender)));
    RawTransaction replacement =
        RawTransaction.createEtherTransaction(
            chainId,
            BigInteger.ONE,
            BigInteger.valueOf(21_000),
            sender.getAddress(),
            BigInteger.TWO,
            GWEI,
            GWEI.multiply(BigInteger.valueOf(100)));
    assertThat(rejection(0, TransactionEncoder.signMessage(replacement, sender)))
        .isEqualTo("replacement transaction underpriced");
  }

  @Test
  void shouldReportARevertedCallWithCodeThree() throws Exception {
    JsonNode error =
        node.request(
                "/shard/0",
                "eth_call",
                Map.of(
                    "to",
                    io.basalt.execution.contracts.SystemContracts.CROSS_SHARD.toHexString(),
                    "data",
                    "0xdeadbeef"))
            .get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.EXECUTION_REVERTED);
    assertThat(error.get("message").asText()).startsWith("execution reverted");
    assertThat(error.get("data").asText()).startsWith("0x08c379a0");
  }

  private static RawTransaction transfer(long chainId, BigInteger nonce, BigInteger tip) {
    return RawTransaction.createEtherTransaction(
        chainId,
        nonce,
        BigInteger.valueOf(21_000),
        "0x000000000000000000000000000000000000dead",
        BigInteger.ONE,
        tip,
        GWEI.multiply(BigInteger.valueOf(100)));
  }

  private static long chainId(int shard) throws Exception {
    return Numeric.decodeQuantity(node.call(shard, "eth_chainId").asText()).longValue();
  }

  /** The -32000 message of a refused eth_sendRawTransaction. */
  private static String rejection(int shard, byte[] signed) throws Exception {
    JsonNode error =
        node.request("/shard/" + shard, "eth_sendRawTransaction", Numeric.toHexString(signed))
            .get("error");
    assertThat(error).as("an error").isNotNull();
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    return error.get("message").asText();
  }

  private static JsonNode error(String body) throws Exception {
    JsonNode response = RpcTestNode.parse(body);
    if (response.isArray()) {
      response = response.get(0);
    }
    return response.get("error");
  }
}
