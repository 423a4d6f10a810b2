package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.execution.settlement.WithdrawalTree;
import io.basalt.node.genesis.DevAccount;
import java.math.BigInteger;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * The settle_* methods and the settlement subscription on a live node (shard 1 of the shared {@link
 * RpcTestNode}, over HTTP and WebSocket): a rollup is registered, funded by a deposit and commits
 * four batches; a veto reverts batch 2 and its descendant; batch 0 goes COMMITTED → inclusion
 * FINALIZED → SETTLED and its withdrawal from CLAIMABLE to SPENT once finalized.
 */
class SettlementRpcNodeTest {

  private static final ShardId SHARD = ShardId.of(1);
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(150);

  @Test
  void shouldReportBatchesFromCommitToSettlementOverRpcAndSubscription() throws Exception {
    RpcTestNode node = RpcTestNode.get();
    SettlementClient client = new SettlementClient(node, SHARD);
    DevAccount registrant = node.accounts.get(0);
    DevAccount operator = node.accounts.get(1);
    DevAccount challenger = node.accounts.get(2);
    long registrantNonce = client.nonceOf(registrant);

    JsonNode registered =
        client.receipt(
            client.send(
                registrant,
                registrantNonce,
                SettlementAbi.REGISTER_ROLLUP,
                client.registerArgs(16),
                SettlementClient.ETHER));
    long rollupId = Long.decode(topic(registered.get("logs").get(0), 1));
    String id = quantity(rollupId);
    JsonNode rollup = client.rpc("settle_getRollup", id);
    assertThat(rollup.get("operators").get("members")).hasSize(4);
    assertThat(rollup.get("operators").get("threshold").asText()).isEqualTo("0x6");
    assertThat(rollup.get("challengers").get("threshold").asText()).isEqualTo("0x2");
    assertThat(rollup.get("bond").asText()).isEqualTo(quantity(SettlementClient.ETHER));
    assertThat(rollup.get("lastBatchIndex").isNull()).isTrue();

    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket ws = EthRpcNodeTestSupport.webSocket(node, "/shard/1/ws", messages);
    ws.sendText(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":"
                + "[\"settlement\",{\"rollupId\":\""
                + id
                + "\"}]}",
            true)
        .join();
    String subscribed = messages.poll(10, TimeUnit.SECONDS);
    assertThat(RpcTestNode.parse(subscribed).has("result")).as(subscribed).isTrue();

    // A deposit, then four batches; batch 0 pays one withdrawal.
    BigInteger deposit = SettlementClient.ETHER.multiply(BigInteger.TWO);
    Address l2Recipient = new Address(Bytes.repeat((byte) 0x22, 20));
    String depositTx =
        client.send(
            registrant,
            registrantNonce + 1,
            SettlementAbi.DEPOSIT,
            List.of(BigInteger.valueOf(rollupId), l2Recipient, Bytes.of(0x12, 0x34)),
            deposit);
    Withdrawal withdrawal =
        new Withdrawal(0, new Address(Bytes.repeat((byte) 0x33, 20)), SettlementClient.ETHER);
    List<BatchHeader> headers = headers(rollupId, withdrawal);
    long operatorNonce = client.nonceOf(operator);
    List<String> commits = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      commits.add(
          client.send(
              operator,
              operatorNonce + i,
              SettlementAbi.COMMIT_BATCH,
              client.commitArgs(rollupId, i, headers.get(i)),
              BigInteger.ZERO));
    }
    client.receipt(depositTx);
    List<JsonNode> commitReceipts = new ArrayList<>();
    for (String commit : commits) {
      commitReceipts.add(client.receipt(commit));
    }
    client.receipt(
        client.send(
            challenger,
            client.nonceOf(challenger),
            SettlementAbi.CHALLENGE_BATCH,
            client.vetoArgs(rollupId, 2, headers.get(2).batchHash(rollupId, 2)),
            BigInteger.ZERO));

    // Right after the commits: batch 0 COMMITTED in the commit's block, 2 and 3 REVERTED.
    JsonNode batch0 = client.rpc("settle_getBatch", id, "0x0");
    assertThat(batch0.get("batchHash").asText())
        .isEqualTo(headers.get(0).batchHash(rollupId, 0).toHexString());
    assertThat(batch0.get("inclusion").get("blockHash").asText())
        .isEqualTo(commitReceipts.get(0).get("blockHash").asText());
    assertThat(batch0.get("inclusion").get("blockNumber").asText())
        .isEqualTo(commitReceipts.get(0).get("blockNumber").asText());
    assertThat(batch0.get("inclusion").get("shard").asText()).isEqualTo("0x1");
    assertThat(client.rpc("settle_getBatch", id, "0x2").get("status").asText())
        .isEqualTo("REVERTED");
    assertThat(client.rpc("settle_getBatch", id, "0x3").get("status").asText())
        .isEqualTo("REVERTED");
    assertThat(client.rpc("settle_getBatch", id, "0x4").isNull()).isTrue();
    assertThat(client.rpc("settle_getRollup", id).get("lastBatchIndex").asText()).isEqualTo("0x1");
    assertThat(client.rpc("settle_getStatus", id).get("unsafe").get("batchIndex").asText())
        .isEqualTo("0x1");
    assertThat(withdrawalStatus(client, id, "0x2", withdrawal).get("status").asText())
        .isEqualTo("REVERTED");

    JsonNode deposits = client.rpc("settle_getDeposits", id, "0x0", "0xa");
    assertThat(deposits.get("deposits")).hasSize(1);
    JsonNode first = deposits.get("deposits").get(0);
    assertThat(first.get("amount").asText()).isEqualTo(quantity(deposit));
    assertThat(first.get("from").asText()).isEqualTo(registrant.address().toHexString());
    assertThat(first.get("l2Recipient").asText()).isEqualTo(l2Recipient.toHexString());
    assertThat(first.get("data").asText()).isEqualTo("0x1234");
    assertThat(first.get("transactionHash").asText()).isEqualTo(depositTx);
    assertThat(first.get("accumulator").asText())
        .isEqualTo(client.rpc("settle_getRollup", id).get("depositAccumulator").asText());
    assertThat(deposits.get("next").isNull()).isTrue();

    // Settlement waits for the window and for L1 finality.
    RpcTestNode.await(
        SETTLE_TIMEOUT,
        "batch 0 SETTLED",
        () -> client.rpc("settle_getBatch", id, "0x0").get("status").asText().equals("SETTLED"));
    assertThat(client.rpc("settle_getBatch", id, "0x0").get("inclusion").get("status").asText())
        .isEqualTo("FINALIZED");
    // The contract's own view, through eth_call, reads the same beacon checkpoints.
    JsonNode call =
        client.rpc(
            "eth_call",
            Map.of(
                "to",
                SystemContracts.SETTLEMENT.toHexString(),
                "data",
                SettlementAbi.GET_BATCH
                    .encodeCall(List.of(BigInteger.valueOf(rollupId), BigInteger.ZERO))
                    .toHexString()),
            "latest");
    List<Object> viewed = SettlementAbi.GET_BATCH.decodeReturn(Bytes.fromHexString(call.asText()));
    assertThat(((Number) viewed.get(9)).intValue()).isEqualTo(BatchStatus.SETTLED.ordinal());
    JsonNode status = client.rpc("settle_getStatus", id);
    assertThat(status.get("finalized").isNull()).as(status.toString()).isFalse();
    assertThat(status.get("safe").isNull()).as(status.toString()).isFalse();
    assertThat(status.get("l1").get("finalizedShardSlot").isNull()).isFalse();

    assertThat(withdrawalStatus(client, id, "0x0", withdrawal).get("status").asText())
        .isEqualTo("CLAIMABLE");
    client.receipt(
        client.send(
            registrant,
            client.nonceOf(registrant),
            SettlementAbi.FINALIZE_WITHDRAWAL,
            List.of(
                BigInteger.valueOf(rollupId),
                BigInteger.ZERO,
                withdrawal.toAbi(),
                BigInteger.ZERO,
                List.of(BigInteger.ONE, List.of())),
            BigInteger.ZERO));
    assertThat(withdrawalStatus(client, id, "0x0", withdrawal).get("status").asText())
        .isEqualTo("SPENT");
    JsonNode byLeaf =
        client.rpc("settle_getWithdrawalStatus", id, "0x0", withdrawal.leaf().toHexString());
    assertThat(byLeaf.get("status").asText()).as(byLeaf.toString()).isEqualTo("SPENT");
    assertThat(byLeaf.get("nonce").asText()).isEqualTo("0x0");

    // The subscription saw every step.
    List<String> events = events(messages);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    assertThat(events).contains("0x2:reverted", "0x3:reverted", "0x1:committed");
    List<String> batch0Events = events.stream().filter(e -> e.startsWith("0x0:")).toList();
    assertThat(batch0Events).containsSubsequence("0x0:committed", "0x0:finalized", "0x0:settled");
    assertThat(events).noneMatch(e -> e.endsWith(":removed"));
  }

  @Test
  void shouldNameTheInvalidParameter() throws Exception {
    RpcTestNode node = RpcTestNode.get();
    JsonNode error = node.request("/shard/1", "settle_getBatch", "0x0", "12").get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").asText())
        .isEqualTo("invalid argument 1 (batchIndex): hex string without 0x prefix");
    error = node.request("/shard/1", "settle_getDeposits", "0x0", "0x0", "0x1000").get("error");
    assertThat(error.get("code").asInt()).isEqualTo(RpcException.INVALID_PARAMS);
    assertThat(error.get("message").asText()).contains("(limit)", "1000");
    error =
        node.request("/shard/1", "settle_getWithdrawalStatus", "0x0", "0x0", Map.of("nonce", "0x0"))
            .get("error");
    assertThat(error.get("message").asText())
        .isEqualTo("invalid argument 2 (withdrawal): recipient: missing value");
    assertThat(node.call(1, "settle_getRollup", "0xffffffffffffffff").isNull()).isTrue();
  }

  private static List<BatchHeader> headers(long rollupId, Withdrawal withdrawal) {
    List<BatchHeader> headers = new ArrayList<>();
    Bytes32 parent = Bytes32.ZERO;
    for (int i = 0; i < 4; i++) {
      Bytes32 withdrawalsRoot =
          WithdrawalTree.root(i == 0 ? List.of(withdrawal.leaf()) : List.of());
      BatchHeader h =
          new BatchHeader(
              parent,
              i * 10L + 1,
              i * 10L + 10,
              Bytes32.repeat((byte) (0x40 + i)),
              withdrawalsRoot,
              Bytes32.repeat((byte) (0x60 + i)));
      headers.add(h);
      parent = h.batchHash(rollupId, i);
    }
    return headers;
  }

  private static JsonNode withdrawalStatus(
      SettlementClient client, String id, String batch, Withdrawal w) throws Exception {
    return client.rpc(
        "settle_getWithdrawalStatus",
        id,
        batch,
        Map.of(
            "nonce",
            quantity(w.nonce()),
            "recipient",
            w.recipient().toHexString(),
            "amount",
            quantity(w.amount())));
  }

  /** {@code batchIndex:event[:removed]} of every notification received so far. */
  private static List<String> events(BlockingQueue<String> messages) throws Exception {
    List<String> events = new ArrayList<>();
    String message;
    while ((message = messages.poll(100, TimeUnit.MILLISECONDS)) != null) {
      JsonNode result = RpcTestNode.parse(message).get("params").get("result");
      events.add(
          result.get("batchIndex").asText()
              + ":"
              + result.get("event").asText()
              + (result.get("removed").asBoolean() ? ":removed" : ""));
    }
    return events;
  }

  private static String topic(JsonNode log, int index) {
    return "0x"
        + new BigInteger(log.get("topics").get(index).asText().substring(2), 16).toString(16);
  }

  private static String quantity(long value) {
    return RpcHex.quantity(value);
  }

  private static String quantity(BigInteger value) {
    return RpcHex.quantity(value);
  }
}
