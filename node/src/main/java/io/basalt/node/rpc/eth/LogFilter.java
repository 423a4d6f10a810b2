package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.execution.receipt.Log;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Which logs a filter wants: any of {@code addresses} (empty = any address), and per topic position
 * any of the listed topics (an empty list at a position = any topic there), as {@code eth_getLogs}.
 */
public record LogFilter(List<Address> addresses, List<List<Bytes32>> topics) {

  public static final LogFilter ALL = new LogFilter(List.of(), List.of());

  public LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    if (topics.size() > log.topics().size()) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<Bytes32> wanted = topics.get(i);
      if (!wanted.isEmpty() && !wanted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }
}
