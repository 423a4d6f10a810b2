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
import java.util.ArrayList;
import java.util.Collections;
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

  /**
   * {@code eth_sendRawTransaction} for each of {@code rawHex} in one JSON-RPC batch request: the
   * results in the same order; never fails (a transport failure is every element's result).
   */
  public CompletableFuture<List<RpcResult>> sendRawTransactions(String url, List<String> rawHex) {
    ArrayNode batch = JSON.createArrayNode();
    long firstId = ids.getAndAdd(rawHex.size()) + 1;
    for (int i = 0; i < rawHex.size(); i++) {
      batch.add(request(firstId + i, "eth_sendRawTransaction", List.of(rawHex.get(i))));
    }
    return post(url, batch.toString())
        .thenApply(response -> parseBatch(response, firstId, rawHex.size()))
        .exceptionally(e -> Collections.nCopies(rawHex.size(), transportError(e)));
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
    return post(url, request(ids.incrementAndGet(), method, params).toString())
        .thenApply(JsonRpcClient::parse)
        .exceptionally(JsonRpcClient::transportError);
  }

  private static ObjectNode request(long id, String method, List<?> params) {
    ObjectNode request = JSON.createObjectNode();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    params.forEach(p -> array.add(JSON.valueToTree(p)));
    return request;
  }

  private CompletableFuture<HttpResponse<String>> post(String url, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  static RpcResult parse(HttpResponse<String> response) {
    JsonNode body = readTree(response);
    return body == null ? notJsonRpc(response) : result(body, response.statusCode());
  }

  /**
   * A batch's results by request id, {@code count} of them from {@code firstId}; a single error
   * object (the node refused the whole batch) answers every request.
   */
  static List<RpcResult> parseBatch(HttpResponse<String> response, long firstId, int count) {
    JsonNode body = readTree(response);
    if (body == null || !body.isArray()) {
      RpcResult all = body == null ? notJsonRpc(response) : result(body, response.statusCode());
      return Collections.nCopies(count, all);
    }
    RpcResult[] results = new RpcResult[count];
    for (JsonNode element : body) {
      long index = element.path("id").asLong(-1) - firstId;
      if (index >= 0 && index < count) {
        results[(int) index] = result(element, response.statusCode());
      }
    }
    List<RpcResult> ordered = new ArrayList<>(count);
    for (RpcResult result : results) {
      ordered.add(
          result == null ? RpcResult.error(RpcResult.TRANSPORT, "no answer in the batch") : result);
    }
    return ordered;
  }

  private static JsonNode readTree(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return null;
    }
  }

  private static RpcResult notJsonRpc(HttpResponse<String> response) {
    return RpcResult.error(RpcResult.TRANSPORT, "HTTP " + response.statusCode() + ", not JSON-RPC");
  }

  private static RpcResult result(JsonNode answer, int status) {
    JsonNode error = answer.get("error");
    if (error != null && error.isObject()) {
      return RpcResult.error(error.path("code").asInt(), error.path("message").asText(""));
    }
    JsonNode result = answer.get("result");
    if (result == null) {
      return RpcResult.error(RpcResult.TRANSPORT, "HTTP " + status + ", no result or error");
    }
    return RpcResult.ok(result.isTextual() ? result.asText() : result.toString());
  }

  private static RpcResult transportError(Throwable e) {
    return RpcResult.error(RpcResult.TRANSPORT, rootCause(e).getClass().getSimpleName());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
