package io.basalt.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The filter object of {@code eth_getLogs}, {@code eth_newFilter} and the {@code logs}
 * subscription: {@code fromBlock}/{@code toBlock} (default latest) or {@code blockHash}, {@code
 * address} (one or a list) and {@code topics} (per position null, a topic or a list of topics).
 */
public record FilterParams(
    BlockParameter fromBlock,
    BlockParameter toBlock,
    Optional<Bytes32> blockHash,
    LogFilter filter) {

  /** Most topic positions (the EVM's LOG4). */
  public static final int MAX_TOPICS = 4;

  /** Parses parameter {@code index} ({@code name}), naming the field in any error. */
  public static FilterParams parse(JsonNode object, int index, String name) throws RpcException {
    if (!object.isObject()) {
      throw RpcException.invalidParams(index, name, "filter must be an object");
    }
    Optional<JsonNode> hashNode = optional(object, "blockHash", index, name);
    Optional<Bytes32> blockHash =
        hashNode.isEmpty()
            ? Optional.empty()
            : Optional.of(parse(hashNode.get(), "blockHash", index, name, ParamTypes.HASH));
    BlockParameter from = block(object, "fromBlock", index, name);
    BlockParameter to = block(object, "toBlock", index, name);
    if (blockHash.isPresent() && (object.hasNonNull("fromBlock") || object.hasNonNull("toBlock"))) {
      throw RpcException.invalidParams(
          index, name, "cannot specify both blockHash and fromBlock/toBlock");
    }
    List<Address> addresses = new ArrayList<>();
    Optional<JsonNode> address = optional(object, "address", index, name);
    if (address.isPresent()) {
      if (address.get().isArray()) {
        for (JsonNode a : address.get()) {
          addresses.add(parse(a, "address", index, name, ParamTypes.ADDRESS));
        }
      } else {
        addresses.add(parse(address.get(), "address", index, name, ParamTypes.ADDRESS));
      }
    }
    List<List<Bytes32>> topics = new ArrayList<>();
    Optional<JsonNode> topicsNode = optional(object, "topics", index, name);
    if (topicsNode.isPresent()) {
      if (!topicsNode.get().isArray()) {
        throw RpcException.invalidParams(index, name, "topics must be an array");
      }
      if (topicsNode.get().size() > MAX_TOPICS) {
        throw RpcException.invalidParams(
            index, name, "more than " + MAX_TOPICS + " topic positions");
      }
      for (JsonNode position : topicsNode.get()) {
        List<Bytes32> any = new ArrayList<>();
        if (position.isArray()) {
          for (JsonNode t : position) {
            if (!t.isNull()) {
              any.add(parse(t, "topics", index, name, ParamTypes.HASH));
            }
          }
        } else if (!position.isNull()) {
          any.add(parse(position, "topics", index, name, ParamTypes.HASH));
        }
        topics.add(any);
      }
    }
    return new FilterParams(from, to, blockHash, new LogFilter(addresses, topics));
  }

  private static Optional<JsonNode> optional(
      JsonNode object, String field, int index, String name) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  private static BlockParameter block(JsonNode object, String field, int index, String name)
      throws RpcException {
    Optional<JsonNode> node = optional(object, field, index, name);
    return node.isEmpty()
        ? BlockParameter.LATEST
        : parse(node.get(), field, index, name, ParamTypes.BLOCK);
  }

  private static <T> T parse(
      JsonNode node, String field, int index, String name, io.basalt.node.rpc.ParamType<T> type)
      throws RpcException {
    try {
      return type.parse(node);
    } catch (IllegalArgumentException e) {
      throw RpcException.invalidParams(index, name, field + ": " + e.getMessage());
    }
  }
}
