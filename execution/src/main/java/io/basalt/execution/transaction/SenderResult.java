package io.basalt.execution.transaction;

import io.basalt.common.types.Address;
import java.util.Objects;

/** The outcome of {@link SenderRecovery}: the sender's address, or why there is none. */
public sealed interface SenderResult {

  /** The signature recovers to {@code sender}. */
  record Recovered(Address sender) implements SenderResult {
    public Recovered {
      Objects.requireNonNull(sender, "sender");
    }
  }

  /**
   * The signature is refused: {@link TxRejection#INVALID_SIGNATURE} or {@link
   * TxRejection#INVALID_SENDER}, with a detail for logs.
   */
  record Invalid(TxRejection reason, String detail) implements SenderResult {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
