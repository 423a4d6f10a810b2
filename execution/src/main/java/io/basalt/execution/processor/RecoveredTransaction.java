package io.basalt.execution.processor;

import io.basalt.common.types.Address;
import io.basalt.execution.transaction.Transaction;
import java.util.Objects;

/** A transaction with the sender its signature recovered to (see {@code SenderRecovery}). */
public record RecoveredTransaction(Transaction tx, Address sender) {
  public RecoveredTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(sender, "sender");
  }
}
