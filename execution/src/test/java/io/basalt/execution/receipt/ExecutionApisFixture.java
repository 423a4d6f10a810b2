package io.basalt.execution.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Reads a JSON-RPC fixture of ethereum/execution-apis from the test resources (see {@code
 * execution-apis/README.md}): a comment, a {@code >> request} line and a {@code << response} line.
 */
final class ExecutionApisFixture {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExecutionApisFixture() {}

  /** The {@code result} of the response in {@code execution-apis/<name>}. */
  static JsonNode result(String name) {
    String resource = "/execution-apis/" + name;
    try (InputStream in = ExecutionApisFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.startsWith("<< ")) {
          return JSON.readTree(line.substring(3)).get("result");
        }
      }
      throw new IllegalStateException(resource + " has no response line");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bytes bytes(JsonNode node) {
    return Bytes.fromHexString(node.asText());
  }

  static long quantity(JsonNode node) {
    return Long.parseUnsignedLong(node.asText().substring(2), 16);
  }

  /** A receipt object of {@code eth_getBlockReceipts} or {@code eth_getTransactionReceipt}. */
  static Receipt receipt(JsonNode json) {
    TransactionType type =
        switch ((int) quantity(json.get("type"))) {
          case 0 -> TransactionType.LEGACY;
          case 2 -> TransactionType.EIP1559;
          default -> throw new IllegalArgumentException("unexpected type " + json.get("type"));
        };
    List<Log> logs = new ArrayList<>();
    for (JsonNode log : json.get("logs")) {
      List<Bytes32> topics = new ArrayList<>();
      for (JsonNode topic : log.get("topics")) {
        topics.add(Bytes32.fromHexString(topic.asText()));
      }
      logs.add(
          new Log(
              Address.fromHexString(log.get("address").asText()), topics, bytes(log.get("data"))));
    }
    return new Receipt(
        type,
        quantity(json.get("status")) == 1,
        UInt64.valueOf(quantity(json.get("cumulativeGasUsed"))),
        logs);
  }
}
