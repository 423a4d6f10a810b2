package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.Address;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Wei;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.GenesisFiles;
import io.basalt.testnet.TestPorts;
import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetSpec;
import io.basalt.testnet.cli.Loads;
import io.basalt.testnet.load.LoadCounters;
import io.basalt.testnet.load.LoadGenerator;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in load generator against a real 4-node testnet: signed transfers and cross-shard
 * transfers land, every cross-shard transfer is delivered, and the supply is conserved across the
 * shards (every balance plus the base fees burned equals the genesis allocations).
 */
class TestnetLoadProcessTest {

  private static final int NODES = 4;
  private static final int SHARDS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void loadLandsCrossShardTransfersAreDeliveredAndSupplyIsConserved() throws Exception {
    TestnetSpec spec =
        new TestnetSpec(
            NODES,
            128,
            SHARDS,
            "local",
            temp.resolve("data"),
            TestPorts.freeLayout(NODES),
            "384m",
            25,
            16);
    try (Testnet testnet = Testnet.create(spec)) {
      Waiter wait = new Waiter(testnet);
      testnet.startAll();
      wait.untilAll(NODES, "every shard advanced on every node", this::shardsAdvanced, 240);

      LoadCounters counters;
      try (LoadGenerator generator = Loads.generator(testnet, 200)) {
        Thread.sleep(40_000);
        generator.stop();
        counters = generator.counters();
      }
      assertThat(counters.accepted()).as(counters.summary()).isGreaterThan(1000);
      assertThat(counters.crossShardSent()).as(counters.summary()).isPositive();

      String url = testnet.node(0).rpcUrl();
      List<DevAccount> senders = testnet.loadAccounts();
      long[] included = {-1};
      wait.until(
          "inclusion settles (no new transactions over two slots)",
          () -> {
            Thread.sleep(4_000);
            long now = included(url, senders);
            boolean settled = now == included[0];
            included[0] = now;
            return settled;
          },
          180);
      assertThat(included[0])
          .as("transactions included, of %s", counters.summary())
          .isLessThanOrEqualTo(counters.accepted())
          .isGreaterThanOrEqualTo(counters.accepted() * 9 / 10);
      wait.until("every cross-shard transfer delivered", () -> allDelivered(url), 120);

      Map<Address, Wei> allocations = GenesisFiles.read(testnet.genesisDir()).allocations();
      BigInteger genesis = BigInteger.ZERO;
      BigInteger accounted = BigInteger.ZERO;
      long crossShard = 0;
      for (int shard = 0; shard < SHARDS; shard++) {
        String shardUrl = url + "/shard/" + shard;
        String head = call(shardUrl, "eth_blockNumber").asText();
        Set<Address> holders = new HashSet<>(allocations.keySet());
        BigInteger burned = BigInteger.ZERO;
        for (long n = 1; n <= quantity(JSON.valueToTree(head)).longValueExact(); n++) {
          JsonNode block =
              call(shardUrl, "eth_getBlockByNumber", "0x" + Long.toHexString(n), false);
          holders.add(Address.fromHexString(block.get("miner").asText()));
          burned =
              burned.add(
                  quantity(block.get("gasUsed")).multiply(quantity(block.get("baseFeePerGas"))));
        }
        for (Wei balance : allocations.values()) {
          genesis = genesis.add(balance.value());
        }
        accounted = accounted.add(burned);
        for (Address holder : holders) {
          accounted =
              accounted.add(quantity(call(shardUrl, "eth_getBalance", holder.toHexString(), head)));
        }
        for (int to = 0; to < SHARDS; to++) {
          crossShard +=
              count(
                  shardUrl,
                  CrossShard.OUTGOING_COUNT.encodeCall(List.of(BigInteger.valueOf(to))),
                  head);
        }
      }
      assertThat(crossShard).as("cross-shard transfers delivered").isPositive();
      assertThat(accounted).as("balances + burned fees = genesis allocations").isEqualTo(genesis);
    }
  }

  private boolean shardsAdvanced(io.basalt.testnet.status.NodeStatus status) {
    return status.shardHeights().stream().allMatch(h -> h > 1);
  }

  /** Transactions the load accounts have had included, over every shard. */
  private long included(String url, List<DevAccount> senders) throws Exception {
    long included = 0;
    for (int shard = 0; shard < SHARDS; shard++) {
      for (DevAccount sender : senders) {
        String address = sender.address().toHexString();
        included +=
            quantity(call(url + "/shard/" + shard, "eth_getTransactionCount", address, "latest"))
                .longValueExact();
      }
    }
    return included;
  }

  /** Every shard has applied every receipt every other shard sent it. */
  private boolean allDelivered(String url) throws Exception {
    for (int from = 0; from < SHARDS; from++) {
      for (int to = 0; to < SHARDS; to++) {
        if (from == to) {
          continue;
        }
        long sent =
            count(
                url + "/shard/" + from,
                CrossShard.OUTGOING_COUNT.encodeCall(List.of(BigInteger.valueOf(to))),
                "latest");
        long applied =
            count(
                url + "/shard/" + to,
                CrossShard.INCOMING_COUNT.encodeCall(List.of(BigInteger.valueOf(from))),
                "latest");
        if (sent != applied) {
          return false;
        }
      }
    }
    return true;
  }

  private long count(String shardUrl, Bytes calldata, String block) throws Exception {
    Map<String, String> request =
        Map.of("to", SystemContracts.CROSS_SHARD.toHexString(), "data", calldata.toHexString());
    return quantity(call(shardUrl, "eth_call", request, block)).longValueExact();
  }

  private static BigInteger quantity(JsonNode node) {
    return new BigInteger(node.asText().substring(2), 16);
  }

  private JsonNode call(String url, String method, Object... params) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.has("error")).as(method + " " + answer).isFalse();
    return answer.get("result");
  }
}
