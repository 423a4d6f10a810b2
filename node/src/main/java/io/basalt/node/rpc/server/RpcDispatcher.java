package io.basalt.node.rpc.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over a set of methods, without any transport: a body in, a body out. Parse errors,
 * invalid requests, unknown methods and failing methods all become error responses; nothing
 * malformed reaches a method and nothing thrown escapes. Thread-safe.
 */
public final class RpcDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Map<String, RpcMethod> methods;
  private final int maxBatch;

  public RpcDispatcher(Map<String, RpcMethod> methods, int maxBatch) {
    this.methods = Map.copyOf(methods);
    this.maxBatch = maxBatch;
  }

  /** The names served. */
  public java.util.Set<String> methodNames() {
    return methods.keySet();
  }

  /**
   * Answers a request body; empty when nothing is to be sent back (only notifications). {@code
   * extra} adds connection-bound methods (WebSocket subscriptions) or returns null.
   */
  public Optional<String> handle(
      RpcContext context, String body, Function<String, RpcMethod> extra) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return Optional.of(
          write(error(NODES.nullNode(), RpcException.parseError(e.getOriginalMessage()))));
    }
    if (parsed == null || parsed.isMissingNode()) {
      return Optional.of(write(error(NODES.nullNode(), RpcException.parseError("empty body"))));
    }
    if (parsed.isArray()) {
      if (parsed.isEmpty()) {
        return Optional.of(
            write(error(NODES.nullNode(), RpcException.invalidRequest("empty batch"))));
      }
      if (parsed.size() > maxBatch) {
        return Optional.of(
            write(
                error(
                    NODES.nullNode(),
                    RpcException.invalidRequest(
                        "batch of "
                            + parsed.size()
                            + " requests exceeds the limit of "
                            + maxBatch))));
      }
      ArrayNode responses = NODES.arrayNode();
      for (JsonNode request : parsed) {
        ObjectNode response = handleOne(context, request, extra);
        if (response != null) {
          responses.add(response);
        }
      }
      return responses.isEmpty() ? Optional.empty() : Optional.of(write(responses));
    }
    return Optional.ofNullable(handleOne(context, parsed, extra)).map(RpcDispatcher::write);
  }

  /** One request object: its response, or null for a notification. */
  ObjectNode handleOne(RpcContext context, JsonNode request, Function<String, RpcMethod> extra) {
    if (!request.isObject()) {
      return error(NODES.nullNode(), RpcException.invalidRequest("not a request object"));
    }
    JsonNode id = request.get("id");
    boolean notification = id == null;
    JsonNode responseId = id == null ? NODES.nullNode() : id;
    if (id != null && !(id.isTextual() || id.isNumber() || id.isNull())) {
      return error(NODES.nullNode(), RpcException.invalidRequest("id must be a string or number"));
    }
    JsonNode version = request.get("jsonrpc");
    if (version == null || !"2.0".equals(version.asText(null)) || !version.isTextual()) {
      return error(responseId, RpcException.invalidRequest("jsonrpc must be \"2.0\""));
    }
    JsonNode methodNode = request.get("method");
    if (methodNode == null || !methodNode.isTextual()) {
      return error(responseId, RpcException.invalidRequest("method must be a string"));
    }
    String name = methodNode.textValue();
    RpcMethod method = methods.get(name);
    if (method == null) {
      method = extra.apply(name);
    }
    ObjectNode response;
    try {
      if (method == null) {
        throw RpcException.methodNotFound(name);
      }
      Object result = method.execute(context, RpcParams.of(request.get("params")));
      response = NODES.objectNode();
      response.put("jsonrpc", "2.0");
      response.set("id", responseId);
      response.set("result", JSON.valueToTree(result));
    } catch (RpcException e) {
      response = error(responseId, e);
    } catch (RuntimeException e) {
      LOG.warn("JSON-RPC method {} failed", name, e);
      response =
          error(responseId, RpcException.internal(e.getClass().getSimpleName() + " in " + name));
    }
    return notification ? null : response;
  }

  static ObjectNode error(JsonNode id, RpcException e) {
    ObjectNode response = NODES.objectNode();
    response.put("jsonrpc", "2.0");
    response.set("id", id);
    ObjectNode error = response.putObject("error");
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (e.data() != null) {
      error.set("data", JSON.valueToTree(e.data()));
    }
    return response;
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a JSON tree", e);
    }
  }
}
