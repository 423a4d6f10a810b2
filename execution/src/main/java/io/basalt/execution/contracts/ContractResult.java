package io.basalt.execution.contracts;

import io.basalt.execution.processor.OutgoingMessage;
import io.basalt.execution.receipt.Log;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a system-contract call decided. Contracts never touch state themselves: on success the
 * caller applies the effect, which is always "the call's whole value leaves this shard" (described
 * by {@code outgoing}); a revert moves nothing.
 *
 * @param success false for a revert
 * @param returnData ABI-encoded return values, empty on revert
 * @param logs events, empty on revert
 * @param outgoing messages carrying the call's value out of the shard
 * @param revertReason the reason, empty string on success
 */
public record ContractResult(
    boolean success,
    Bytes returnData,
    List<Log> logs,
    List<OutgoingMessage> outgoing,
    String revertReason) {

  public ContractResult {
    Objects.requireNonNull(returnData, "returnData");
    Objects.requireNonNull(revertReason, "revertReason");
    logs = List.copyOf(logs);
    outgoing = List.copyOf(outgoing);
  }

  public static ContractResult returned(Bytes returnData) {
    return new ContractResult(true, returnData, List.of(), List.of(), "");
  }

  public static ContractResult emitted(Log log, OutgoingMessage message) {
    return new ContractResult(true, Bytes.EMPTY, List.of(log), List.of(message), "");
  }

  public static ContractResult reverted(String reason) {
    return new ContractResult(false, Bytes.EMPTY, List.of(), List.of(), reason);
  }
}
