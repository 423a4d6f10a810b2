package io.basalt.testnet.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The latency tracker against an in-test JSON-RPC server whose chain the test moves: receipts
 * appear, the finalized block advances, a cross-shard transfer is delivered.
 */
class LatencyTrackerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRANSFER = "0x" + "11".repeat(32);
  private static final String CROSS = "0x" + "22".repeat(32);

  private final AtomicLong clock = new AtomicLong(1_000);
  private final Map<String, Long> receiptBlock = new HashMap<>();
  private volatile long finalizedBlock = 0;
  private volatile boolean delivered;
  private HttpServer server;
  private String url;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      String hash = request.at("/params/0").asText();
      Object result =
          switch (request.get("method").asText()) {
            case "eth_getTransactionReceipt" ->
                receiptBlock.containsKey(hash)
                    ? Map.of("blockNumber", "0x" + Long.toHexString(receiptBlock.get(hash)))
                    : null;
            case "eth_getBlockByNumber" ->
                Map.of("number", "0x" + Long.toHexString(finalizedBlock));
            case "shard_getCrossShardTransfer" ->
                Map.of("status", delivered ? "delivered" : "crosslinked");
            default -> throw new IOException("unexpected " + request);
          };
      Map<String, Object> response = new HashMap<>();
      response.put("jsonrpc", "2.0");
      response.put("id", request.get("id"));
      response.put("result", result);
      byte[] body = JSON.writeValueAsBytes(response);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Test
  void measuresInclusionFinalityAndDeliveryFromSubmission() throws Exception {
    LatencyTracker tracker = new LatencyTracker(new JsonRpcClient(), clock::get);
    tracker.follow(TRANSFER, url, url + "/shard/0", false, 1_000);
    tracker.follow(CROSS, url, url + "/shard/0", true, 1_000);

    clock.set(3_000);
    pollUntil(tracker, () -> tracker.included().count() == 0, 3);
    synchronized (this) {
      receiptBlock.put(TRANSFER, 7L);
      receiptBlock.put(CROSS, 8L);
    }
    pollUntil(tracker, () -> tracker.included().count() == 2, 100);
    assertThat(tracker.included().percentile(100)).isEqualTo(2_000);

    clock.set(10_000);
    finalizedBlock = 7;
    pollUntil(tracker, () -> tracker.finalized().count() == 1, 100);
    delivered = true;
    clock.set(12_000);
    pollUntil(tracker, () -> tracker.delivered().count() == 1, 100);
    finalizedBlock = 8;
    clock.set(20_000);
    pollUntil(tracker, () -> tracker.finalized().count() == 2, 100);

    assertThat(tracker.finalized().percentile(50)).isEqualTo(9_000);
    assertThat(tracker.finalized().percentile(100)).isEqualTo(19_000);
    assertThat(tracker.delivered().percentile(100)).isEqualTo(11_000);
    assertThat(tracker.summary())
        .startsWith("latency: included p50 2.0s")
        .contains("finalized p50 9.0s p95 19.0s (n=2)")
        .contains("delivered p50 11.0s");
  }

  @Test
  void givesUpOnATransactionThatIsNeverIncluded() throws Exception {
    LatencyTracker tracker = new LatencyTracker(new JsonRpcClient(), clock::get);
    tracker.follow(TRANSFER, url, url + "/shard/0", false, 1_000);
    tracker.follow(CROSS, url, url + "/shard/0", false, 1_000);
    synchronized (this) {
      receiptBlock.put(CROSS, 3L);
    }
    pollUntil(tracker, () -> tracker.included().count() == 1, 100);
    clock.set(1_000 + LatencyTracker.GIVE_UP_MILLIS + 1);
    tracker.poll();

    assertThat(tracker.summary()).endsWith(", lost 2");
    assertThat(tracker.included().count()).isEqualTo(1);
  }

  @Test
  void saysNothingBeforeTheFirstMeasurement() {
    assertThat(new LatencyTracker(new JsonRpcClient(), clock::get).summary()).isEmpty();
  }

  /** Polls until {@code done}, at most {@code rounds} times, letting the answers arrive. */
  private static void pollUntil(LatencyTracker tracker, BooleanSupplier done, int rounds)
      throws InterruptedException {
    for (int i = 0; i < rounds && !done.getAsBoolean(); i++) {
      tracker.poll();
      Thread.sleep(50);
    }
    assertThat(done.getAsBoolean()).as("condition reached after polling").isTrue();
  }
}
