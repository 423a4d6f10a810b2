package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.Node;
import io.basalt.node.cli.GenesisCommand;
import io.basalt.node.config.NodeOptions;
import io.basalt.node.genesis.DevAccount;
import io.basalt.node.genesis.DevAccounts;
import io.basalt.node.genesis.GenesisFiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One in-process node for the JSON-RPC tests, started once per test JVM and shared: a genesis made
 * by {@code basalt genesis} (2 shards, 16 validators all on this node, dev accounts), 1-second
 * slots, the RPC server on a free port with real sockets.
 */
public final class RpcTestNode {

  public static final int SHARDS = 2;
  public static final int DEV_ACCOUNTS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static RpcTestNode instance;

  public final Node node;
  public final int port;
  public final List<DevAccount> accounts;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicLong ids = new AtomicLong();

  private RpcTestNode(Node node, int devAccounts) {
    this.node = node;
    this.accounts = DevAccounts.derive(DevAccounts.DEV_MNEMONIC, devAccounts);
    this.port = node.rpcServer().orElseThrow().port();
  }

  /** The shared node, started on first use and stopped when the JVM exits. */
  public static synchronized RpcTestNode get() throws Exception {
    if (instance == null) {
      instance = start(DEV_ACCOUNTS);
    }
    return instance;
  }

  /** A new node with {@code devAccounts} funded accounts, stopped when the JVM exits. */
  public static RpcTestNode start(int devAccounts) throws Exception {
    Path dir = Files.createTempDirectory("basalt-rpc-test");
    Path genesis = dir.resolve("genesis");
    int exit =
        new CommandLine(new GenesisCommand())
            .execute(
                "--out",
                genesis.toString(),
                "--validators",
                "16",
                "--nodes",
                "1",
                "--shards",
                Integer.toString(SHARDS),
                "--dev-accounts",
                Integer.toString(devAccounts),
                "--genesis-delay",
                "3");
    assertThat(exit).as("basalt genesis exit code").isZero();
    fastSlots(genesis.resolve(GenesisFiles.JSON_FILE));
    Path keys = genesis.resolve("node-0");
    NodeOptions options =
        new NodeOptions(
            dir.resolve("data"),
            genesis,
            "127.0.0.1",
            0,
            List.of(),
            10,
            Optional.of(keys.resolve("validator-keys")),
            Optional.of(keys.resolve("validator-passwords")),
            false,
            "rpc-test",
            false,
            "127.0.0.1",
            0,
            true,
            "127.0.0.1",
            0,
            List.of("*"),
            "INFO");
    Node node = Node.start(options);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  delete(dir);
                }));
    return new RpcTestNode(node, devAccounts);
  }

  /** One-second slots: the genesis config overrides are read back through the spec loader. */
  private static void fastSlots(Path genesisJson) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(genesisJson.toFile());
    ((ObjectNode) root.get("config")).put("SECONDS_PER_SLOT", "1");
    JSON.writerWithDefaultPrettyPrinter().writeValue(genesisJson.toFile(), root);
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // temp files: best effort
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public String shardUrl(int shard) {
    return url("/shard/" + shard);
  }

  /** POSTs {@code body} to {@code path}; the HTTP response. */
  public HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON-RPC request to {@code path}; the whole response object. */
  public JsonNode request(String path, String method, Object... params) throws Exception {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(JSON.valueToTree(param));
    }
    HttpResponse<String> response = post(path, JSON.writeValueAsString(request));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The {@code result} of a request to shard {@code shard}; fails on an error response. */
  public JsonNode call(int shard, String method, Object... params) throws Exception {
    JsonNode response = request("/shard/" + shard, method, params);
    assertThat(response.has("error")).as(method + " -> " + response).isFalse();
    return response.get("result");
  }

  public static JsonNode parse(String text) throws IOException {
    return JSON.readTree(text);
  }

  /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes. */
  public static void await(Duration timeout, String what, CheckedCondition condition)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  /** A condition that may throw. */
  @FunctionalInterface
  public interface CheckedCondition {
    boolean holds() throws Exception;
  }
}
