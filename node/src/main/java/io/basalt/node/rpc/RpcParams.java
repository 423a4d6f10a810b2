package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * A request's positional parameters ({@code params} absent or {@code null} is the empty list).
 * Typed access names the parameter in every error, so a client learns which one was wrong.
 */
public final class RpcParams {

  private static final ArrayNode EMPTY = JsonNodeFactory.instance.arrayNode();

  private final ArrayNode values;
  private final int offset;

  private RpcParams(ArrayNode values, int offset) {
    this.values = values;
    this.offset = offset;
  }

  /** The parameters of a request; anything but an array, {@code null} or absent is invalid. */
  public static RpcParams of(JsonNode params) throws RpcException {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return new RpcParams(EMPTY, 0);
    }
    if (!params.isArray()) {
      throw RpcException.invalidParams("params must be an array");
    }
    return new RpcParams((ArrayNode) params, 0);
  }

  public static RpcParams empty() {
    return new RpcParams(EMPTY, 0);
  }

  /** How many parameters were given. */
  public int size() {
    return values.size() - offset;
  }

  /**
   * The parameters from {@code index} on, numbered from 0 again (e.g. after a subscription kind).
   */
  public RpcParams from(int index) {
    return new RpcParams(values, offset + Math.min(index, size()));
  }

  /** Parameter {@code index}; missing or JSON {@code null} is an invalid-params error. */
  public <T> T required(int index, String name, ParamType<T> type) throws RpcException {
    return optional(index, name, type)
        .orElseThrow(() -> RpcException.invalidParams(index, name, "missing value"));
  }

  /** Parameter {@code index}, or empty when absent or JSON {@code null}. */
  public <T> Optional<T> optional(int index, String name, ParamType<T> type) throws RpcException {
    JsonNode node = raw(index);
    if (node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(type.parse(node));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw RpcException.invalidParams(index, name, e.getMessage());
    }
  }

  /** Fails when more than {@code max} parameters were given. */
  public RpcParams atMost(int max) throws RpcException {
    if (size() > max) {
      throw RpcException.invalidParams("too many arguments, want at most " + max);
    }
    return this;
  }

  /** The raw JSON of parameter {@code index}, a missing node when absent. */
  public JsonNode raw(int index) {
    JsonNode node = index < 0 ? null : values.get(offset + index);
    return node == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : node;
  }
}
