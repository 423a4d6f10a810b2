package io.basalt.testnet.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.common.types.Address;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The load generator against in-test JSON-RPC servers standing in for two nodes: every raw
 * transaction is decoded and its signature recovered with execution's decoder, as a node would.
 */
class LoadGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Long> CHAIN_IDS = List.of(7612900L, 7612901L);
  private static final List<DevAccount> ACCOUNTS =
      DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 13).subList(10, 13);

  private final List<HttpServer> servers = new ArrayList<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Long> nextNonce = new ConcurrentHashMap<>();
  private final AtomicInteger rejectEvery = new AtomicInteger(0);
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger largestBatch = new AtomicInteger();

  record Received(int node, int shard, Address sender, Transaction tx) {}

  @AfterEach
  void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  private String startNode(int node) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(node, exchange));
    server.start();
    servers.add(server);
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * A node's eth_sendRawTransaction (single or batched): strict nonces per (sender, shard), like a
   * mempool.
   */
  private void handle(int node, HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      int shard = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      Object response;
      if (request.isArray() && request.size() > LoadGenerator.MAX_BATCH) {
        response = // as a node refuses a batch over its limit
            Map.of(
                "jsonrpc", "2.0", "id", "null", "error", Map.of("code", -32600, "message", "big"));
      } else if (request.isArray()) {
        batches.incrementAndGet();
        largestBatch.accumulateAndGet(request.size(), Math::max);
        List<Object> answers = new ArrayList<>();
        for (JsonNode element : request) {
          answers.add(answer(node, shard, element));
        }
        response = answers;
      } else {
        response = answer(node, shard, request);
      }
      byte[] body = JSON.writeValueAsBytes(response);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private Map<String, Object> answer(int node, int shard, JsonNode request) throws Exception {
    String method = request.get("method").asText();
    Map<String, Object> answer;
    if (method.equals("eth_getTransactionCount")) {
      String key = request.at("/params/0").asText().toLowerCase() + "@" + shard;
      answer = Map.of("result", "0x" + Long.toHexString(nextNonce.getOrDefault(key, 0L)));
    } else {
      answer = sendRaw(node, shard, request.at("/params/0").asText());
    }
    Map<String, Object> response = new HashMap<>(Map.of("jsonrpc", "2.0", "id", request.get("id")));
    response.putAll(answer);
    return response;
  }

  private Map<String, Object> sendRaw(int node, int shard, String raw) throws Exception {
    Transaction tx = TransactionDecoder.decode(Bytes.fromHexString(raw));
    SenderResult result = SenderRecovery.recover(tx);
    assertThat(result).isInstanceOf(SenderResult.Recovered.class);
    Address sender = ((SenderResult.Recovered) result).sender();
    assertThat(tx.chainId()).contains(BigInteger.valueOf(CHAIN_IDS.get(shard)));
    int every = rejectEvery.get();
    if (every > 0 && calls.incrementAndGet() % every == 0) {
      return Map.of("error", Map.of("code", -32000, "message", "txpool is full"));
    }
    String key = sender.toHexString().toLowerCase() + "@" + shard;
    long expected = nextNonce.getOrDefault(key, 0L);
    if (tx.nonce().longValue() != expected) {
      return Map.of("error", Map.of("code", -32000, "message", "nonce too low"));
    }
    nextNonce.put(key, expected + 1);
    received.add(new Received(node, shard, sender, tx));
    return Map.of("result", "0x" + "00".repeat(32));
  }

  private LoadGenerator generator(double tps) throws IOException {
    return generator(tps, ACCOUNTS);
  }

  private LoadGenerator generator(double tps, List<DevAccount> accounts) throws IOException {
    return new LoadGenerator(
        new LoadGenerator.Config(
            tps,
            List.of(startNode(0), startNode(1)),
            CHAIN_IDS,
            accounts,
            4,
            new TransferFactory(BigInteger.ONE, BigInteger.valueOf(1_000_000_000L))));
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  @Test
  void shouldSendSignedTransfersAndCrossShardTransfersWithConsecutiveNonces() throws Exception {
    try (LoadGenerator load = generator(400)) {
      load.start();
      await(() -> received.size() >= 120);
      load.stop();
      Thread.sleep(300); // requests in flight finish
      LoadCounters counters = load.counters();
      assertThat(received).hasSizeGreaterThanOrEqualTo(120);
      assertThat(counters.accepted()).isEqualTo(received.size());
      assertThat(counters.rejectedTotal()).isZero();
      // Batched: fewer HTTP requests than transactions.
      assertThat(batches.get()).isPositive().isLessThan(received.size());

      Set<Address> senders = ACCOUNTS.stream().map(DevAccount::address).collect(Collectors.toSet());
      assertThat(received).allMatch(r -> senders.contains(r.sender()));
      // Spread over both shards and both nodes.
      assertThat(received.stream().map(Received::shard).distinct()).containsExactlyInAnyOrder(0, 1);
      assertThat(received.stream().map(Received::node).distinct()).containsExactlyInAnyOrder(0, 1);
      // Each (sender, shard) lane sent to one node only, so its nonces reach that node in order.
      Map<String, Set<Integer>> nodesByLane =
          received.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.sender() + "@" + r.shard(),
                      Collectors.mapping(Received::node, Collectors.toSet())));
      assertThat(nodesByLane.values()).allMatch(nodes -> nodes.size() == 1);
      // Each (sender, shard) lane sent nonces 0, 1, 2, ... without gaps.
      Map<String, List<Long>> nonces =
          received.stream()
              .collect(
                  Collectors.groupingBy(
                      r -> r.sender() + "@" + r.shard(),
                      Collectors.mapping(r -> r.tx().nonce().longValue(), Collectors.toList())));
      nonces
          .values()
          .forEach(
              list -> {
                for (int i = 0; i < list.size(); i++) {
                  assertThat(list.get(i)).isEqualTo(i);
                }
              });
      List<Transaction> crossShard =
          received.stream()
              .map(Received::tx)
              .filter(tx -> tx.to().equals(java.util.Optional.of(SystemContracts.CROSS_SHARD)))
              .toList();
      assertThat(crossShard).isNotEmpty();
      assertThat(counters.crossShardSent()).isEqualTo(crossShard.size());
      for (Received r : received) {
        if (r.tx().to().equals(java.util.Optional.of(SystemContracts.CROSS_SHARD))) {
          List<Object> args = CrossShard.TRANSFER.decodeArguments(r.tx().data().slice(4));
          assertThat(r.tx().data().slice(0, 4)).isEqualTo(CrossShard.TRANSFER.selector());
          assertThat(((Number) args.get(0)).intValue()).isEqualTo((r.shard() + 1) % 2);
          assertThat(senders).contains((Address) args.get(1));
        } else {
          assertThat(r.tx().data().isEmpty()).isTrue();
          assertThat(senders).contains(r.tx().to().orElseThrow());
        }
        assertThat(r.tx().value()).isEqualTo(LoadGenerator.VALUE);
      }
    }
  }

  @Test
  void shouldSplitBatchesAtTheNodesLimit() throws Exception {
    // 2 x 120 lanes: often more than a batch's worth due at once; the node refuses larger batches.
    List<DevAccount> accounts = DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 130).subList(10, 130);
    try (LoadGenerator load = generator(5_000, accounts)) {
      load.start();
      await(() -> received.size() >= 1_000);
      load.stop();
      Thread.sleep(300);
      assertThat(received).hasSizeGreaterThanOrEqualTo(1_000);
      assertThat(load.counters().rejectedTotal()).isZero();
      assertThat(largestBatch.get()).isBetween(1, LoadGenerator.MAX_BATCH);
    }
  }

  @Test
  void shouldCutBatchesInOrderAtTheLimit() {
    List<Integer> due = java.util.stream.IntStream.range(0, 250).boxed().toList();
    List<List<Integer>> chunks = LoadGenerator.chunks(due, 100);
    assertThat(chunks).extracting(List::size).containsExactly(100, 100, 50);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(due);
    assertThat(LoadGenerator.chunks(List.of(), 100)).isEmpty();
    assertThat(LoadGenerator.chunks(due.subList(0, 100), 100)).hasSize(1);
  }

  @Test
  void shouldCountRejectionsByReasonAndKeepNoncesGapless() throws Exception {
    rejectEvery.set(5);
    try (LoadGenerator load = generator(300)) {
      load.start();
      await(() -> load.counters().rejectedTotal() >= 10 && received.size() >= 40);
      load.stop();
      Thread.sleep(300);
      LoadCounters counters = load.counters();
      assertThat(counters.rejectedByReason()).containsKey("txpool is full");
      assertThat(counters.rejectedByReason().get("txpool is full")).isGreaterThanOrEqualTo(10);
      assertThat(counters.sent()).isEqualTo(counters.accepted() + counters.rejectedTotal());
      assertThat(counters.summary()).contains("rejected").contains("txpool is full");
      // A rejected transaction's nonce is sent again, so the mempool never saw a gap.
      assertThat(counters.rejectedByReason()).doesNotContainKey("nonce too low");
    }
  }

  @Test
  void shouldCountUnreachableNodesAsTransportFailures() throws Exception {
    LoadGenerator load =
        new LoadGenerator(
            new LoadGenerator.Config(
                50,
                List.of("http://127.0.0.1:1"),
                CHAIN_IDS,
                ACCOUNTS,
                4,
                new TransferFactory(BigInteger.ONE, BigInteger.TEN)));
    try (load) {
      load.start();
      await(() -> load.counters().rejectedTotal() >= 3);
      assertThat(load.counters().rejectedByReason().keySet())
          .allSatisfy(reason -> assertThat(reason).startsWith("transport "));
      assertThat(load.counters().accepted()).isZero();
    }
  }

  @Test
  void shouldReadHexQuantities() {
    assertThat(LoadGenerator.parseQuantity("0x1a")).hasValue(26);
    assertThat(LoadGenerator.parseQuantity("0x")).isEmpty();
    assertThat(LoadGenerator.parseQuantity("26")).isEmpty();
    assertThat(LoadGenerator.parseQuantity("0xzz")).isEmpty();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
