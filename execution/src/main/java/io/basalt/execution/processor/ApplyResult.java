package io.basalt.execution.processor;

import io.basalt.execution.transaction.TxRejection;
import java.util.Objects;

/** The result of applying one transaction: an outcome, or a rejection that changed nothing. */
public sealed interface ApplyResult permits TransactionOutcome, ApplyResult.Rejected {

  /** The transaction cannot be included; the state is unchanged. */
  record Rejected(TxRejection reason) implements ApplyResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
