package io.basalt.execution.processor;

import io.basalt.common.types.UInt64;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.state.Wei;
import java.util.List;
import java.util.Objects;

/**
 * A block's execution: one receipt per transaction (cumulative gas as in Ethereum), the block's gas
 * used, the messages that left the shard in transaction order, the fees burned and the tips paid to
 * the fee recipient.
 */
public record ExecutionResult(
    List<Receipt> receipts, UInt64 gasUsed, List<OutgoingMessage> outgoing, Wei burned, Wei tips) {
  public ExecutionResult {
    receipts = List.copyOf(receipts);
    outgoing = List.copyOf(outgoing);
    Objects.requireNonNull(gasUsed, "gasUsed");
    Objects.requireNonNull(burned, "burned");
    Objects.requireNonNull(tips, "tips");
  }
}
