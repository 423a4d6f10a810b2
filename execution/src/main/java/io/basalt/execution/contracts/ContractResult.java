package io.basalt.execution.contracts;

import io.basalt.execution.processor.OutgoingMessage;
import io.basalt.execution.receipt.Log;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;

/**
 * What a system-contract call decided. Contracts never touch balances themselves: on success the
 * caller applies the effect: the call's value is debited from the caller; the part carried by
 * {@code outgoing} leaves this shard, the rest is credited to the contract's own account (the
 * Settlement contract's escrow); then {@code payments} are paid out of that account. A revert moves
 * nothing and discards the call's storage writes.
 *
 * @param success false for a revert
 * @param returnData ABI-encoded return values, empty on revert
 * @param logs events, empty on revert
 * @param outgoing messages carrying the call's value out of the shard
 * @param revertReason the reason, empty string on success
 * @param payments value paid from the contract's account, empty on revert
 */
public record ContractResult(
    boolean success,
    Bytes returnData,
    List<Log> logs,
    List<OutgoingMessage> outgoing,
    String revertReason,
    List<Payment> payments) {

  public ContractResult {
    Objects.requireNonNull(returnData, "returnData");
    Objects.requireNonNull(revertReason, "revertReason");
    logs = List.copyOf(logs);
    outgoing = List.copyOf(outgoing);
    payments = List.copyOf(payments);
  }

  /** A result without payments. */
  public ContractResult(
      boolean success,
      Bytes returnData,
      List<Log> logs,
      List<OutgoingMessage> outgoing,
      String revertReason) {
    this(success, returnData, logs, outgoing, revertReason, List.of());
  }

  /** A success that returns {@code returnData}, emits {@code logs} and makes {@code payments}. */
  public static ContractResult succeeded(Bytes returnData, List<Log> logs, List<Payment> payments) {
    return new ContractResult(true, returnData, logs, List.of(), "", payments);
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
