package io.basalt.execution.processor;

import io.basalt.common.types.UInt64;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.state.Wei;
import io.basalt.execution.transaction.TransactionType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * An included transaction's effect.
 *
 * @param type the transaction type, for the receipt
 * @param success the receipt status: false for a revert or running out of gas
 * @param gasUsed gas charged to the sender
 * @param logs events (empty unless successful)
 * @param outgoing value that left the shard (empty unless successful)
 * @param burned {@code baseFee × gasUsed}, destroyed
 * @param tip {@code (effectiveGasPrice − baseFee) × gasUsed}, paid to the fee recipient
 * @param revertReason why a failed transaction failed ("out of gas" or the contract's reason)
 * @param returnData the called function's ABI-encoded return data
 */
public record TransactionOutcome(
    TransactionType type,
    boolean success,
    UInt64 gasUsed,
    List<Log> logs,
    List<OutgoingMessage> outgoing,
    Wei burned,
    Wei tip,
    Optional<String> revertReason,
    Bytes returnData)
    implements ApplyResult {

  /** The reason of a transaction that ran out of gas. */
  public static final String OUT_OF_GAS = "out of gas";

  public TransactionOutcome {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(gasUsed, "gasUsed");
    Objects.requireNonNull(burned, "burned");
    Objects.requireNonNull(tip, "tip");
    Objects.requireNonNull(revertReason, "revertReason");
    Objects.requireNonNull(returnData, "returnData");
    logs = List.copyOf(logs);
    outgoing = List.copyOf(outgoing);
  }
}
