package io.basalt.testnet.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A minimal JSON-RPC 2.0 client over HTTP POST, for the load generator and the example L2. */
public final class JsonRpcClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private final AtomicLong ids = new AtomicLong();

  /** {@code eth_sendRawTransaction}: the transaction hash, or the node's error. */
  public CompletableFuture<RpcResult> sendRawTransaction(String url, String rawHex) {
    return call(url, "eth_sendRawTransaction", List.of(rawHex));
  }

  /** {@code eth_getTransactionCount(address, "pending")}: the next nonce as a hex quantity. */
  public CompletableFuture<RpcResult> pendingNonce(String url, String address) {
    return call(url, "eth_getTransactionCount", List.of(address, "pending"));
  }

  /**
   * Calls {@code method} with {@code params} of any JSON shape (strings, numbers, booleans, maps
   * and lists of them, as Jackson writes them); never fails. An object or array result comes back
   * as its JSON text.
   */
  public CompletableFuture<RpcResult> call(String url, String method, List<?> params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", ids.incrementAndGet());
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    params.forEach(p -> array.add(JSON.valueToTree(p)));
    HttpRequest http =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
            .build();
    return this.http
        .sendAsync(http, HttpResponse.BodyHandlers.ofString())
        .thenApply(JsonRpcClient::parse)
        .exceptionally(
            e -> RpcResult.error(RpcResult.TRANSPORT, rootCause(e).getClass().getSimpleName()));
  }

  static RpcResult parse(HttpResponse<String> response) {
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      return RpcResult.error(
          RpcResult.TRANSPORT, "HTTP " + response.statusCode() + ", not JSON-RPC");
    }
    JsonNode error = body == null ? null : body.get("error");
    if (error != null && error.isObject()) {
      return RpcResult.error(error.path("code").asInt(), error.path("message").asText(""));
    }
    JsonNode result = body == null ? null : body.get("result");
    if (result == null) {
      return RpcResult.error(
          RpcResult.TRANSPORT, "HTTP " + response.statusCode() + ", no result or error");
    }
    return RpcResult.ok(result.isTextual() ? result.asText() : result.toString());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
