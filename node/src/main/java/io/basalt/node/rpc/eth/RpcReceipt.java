package io.basalt.node.rpc.eth;

import io.basalt.execution.receipt.Receipt;
import java.util.List;

/**
 * A receipt with its transaction (always included), its own gas and its logs placed in the block.
 */
public record RpcReceipt(
    RpcTransaction transaction, Receipt receipt, long gasUsed, List<RpcLog> logs) {

  public RpcReceipt {
    logs = List.copyOf(logs);
  }
}
