package io.basalt.execution.receipt;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionType;
import java.util.List;

/**
 * A transaction receipt as Ethereum defines it (EIP-658 status, cumulative gas, logs). Minimal
 * form; the bloom and the consensus encoding come with the receipts work.
 */
public record Receipt(
    TransactionType type, boolean success, UInt64 cumulativeGasUsed, List<Log> logs) {
  public Receipt {
    logs = List.copyOf(logs);
  }
}
