package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.rpc.server.RpcServer;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/json-rpc.md cannot drift from the server: every method and subscription kind the running
 * node serves has a section, every section names one, and every section's curl example, sent to the
 * live server, is answered as valid JSON-RPC without -32601 or -32602.
 */
class JsonRpcDocsTest {

  private static final Path DOC = Path.of("..", "docs", "json-rpc.md");
  private static final Pattern CURL =
      Pattern.compile(
          "^curl -s -X POST -H 'Content-Type: application/json' --data '(.+)'"
              + " http://127\\.0\\.0\\.1:8545(/\\S*)$");

  record Section(String name, String text, String body, String path) {}

  private static RpcTestNode node;
  private static List<Section> sections;

  @BeforeAll
  static void start() throws Exception {
    node = RpcTestNode.get();
    sections = parse(Files.readString(DOC));
  }

  @Test
  void shouldDocumentExactlyTheServedMethodsAndKinds() {
    RpcServer server = node.node.rpcServer().orElseThrow();
    Set<String> served = new HashSet<>(server.rootMethods());
    served.addAll(server.shardMethods());
    served.addAll(server.subscriptionKinds());
    Set<String> documented = new HashSet<>();
    sections.forEach(s -> documented.add(s.name()));

    assertThat(documented).as("documented methods").containsExactlyInAnyOrderElementsOf(served);
    assertThat(sections).as("one section per method").hasSize(documented.size());
  }

  @Test
  void shouldGiveEverySectionTheFixedShape() {
    for (Section section : sections) {
      assertThat(section.text()).as(section.name()).contains("\nParameters:\n", "\nResult: ");
      assertThat(section.text().split("```bash", -1)).as(section.name()).hasSize(2);
    }
  }

  @Test
  void shouldAnswerEveryExampleWithoutMethodOrParameterErrors() throws Exception {
    Set<String> kinds = node.node.rpcServer().orElseThrow().subscriptionKinds();
    for (Section section : sections) {
      JsonNode request = RpcTestNode.parse(section.body());
      JsonNode response =
          kinds.contains(section.name())
              ? overWebSocket(section)
              : RpcTestNode.parse(post(section).body());
      assertThat(request.get("method").asText())
          .as(section.name())
          .isEqualTo(kinds.contains(section.name()) ? "eth_subscribe" : section.name());
      assertThat(response.get("jsonrpc").asText()).as(section.name()).isEqualTo("2.0");
      assertThat(response.get("id")).as(section.name()).isEqualTo(request.get("id"));
      assertThat(response.has("result") != response.has("error"))
          .as(section.name() + ": " + response)
          .isTrue();
      if (response.has("error")) {
        assertThat(response.get("error").get("code").asInt())
            .as(section.name() + ": " + response)
            .isNotIn(RpcException.METHOD_NOT_FOUND, RpcException.INVALID_PARAMS);
      }
    }
  }

  private static HttpResponse<String> post(Section section) throws Exception {
    HttpResponse<String> response = node.post(section.path(), section.body());
    assertThat(response.statusCode()).as(section.name()).isEqualTo(200);
    return response;
  }

  private static JsonNode overWebSocket(Section section) throws Exception {
    String path = section.path().endsWith("/") ? section.path() + "ws" : section.path() + "/ws";
    BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    WebSocket ws = EthRpcNodeTestSupport.webSocket(node, path, messages);
    try {
      ws.sendText(section.body(), true).join();
      String reply = messages.poll(10, TimeUnit.SECONDS);
      assertThat(reply).as(section.name() + " over WebSocket").isNotNull();
      return RpcTestNode.parse(reply);
    } finally {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
  }

  /** The sections after "# Methods": name, text, and the curl example's body and path. */
  static List<Section> parse(String doc) {
    int start = doc.indexOf("\n# Methods");
    assertThat(start).as("a '# Methods' heading").isPositive();
    String[] parts = doc.substring(start).split("\n### ");
    List<Section> found = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String text = parts[i];
      String name = text.substring(0, text.indexOf('\n')).strip();
      String code = text.substring(text.indexOf("```bash\n") + 8, text.lastIndexOf("\n```"));
      assertThat(code.lines().count()).as(name + ": one curl line").isEqualTo(1);
      Matcher m = CURL.matcher(code.strip());
      assertThat(m.matches()).as(name + ": curl line form: " + code).isTrue();
      found.add(new Section(name, text, m.group(1), m.group(2)));
    }
    return found;
  }
}
