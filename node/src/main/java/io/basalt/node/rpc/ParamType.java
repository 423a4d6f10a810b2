package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses one JSON-RPC parameter. Throws {@link IllegalArgumentException} with a short reason
 * ({@code "hex string without 0x prefix"}); {@link RpcParams} turns it into an invalid-params error
 * naming the parameter.
 */
@FunctionalInterface
public interface ParamType<T> {

  T parse(JsonNode node);
}
