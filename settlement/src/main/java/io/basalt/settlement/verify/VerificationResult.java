package io.basalt.settlement.verify;

import java.util.Objects;
import java.util.Optional;

/** The outcome of a verification: valid, or rejected with a reason and a detail message. */
public record VerificationResult(Optional<RejectionReason> reason, String detail) {

  private static final VerificationResult VALID = new VerificationResult(Optional.empty(), "valid");

  public VerificationResult {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  public static VerificationResult valid() {
    return VALID;
  }

  public static VerificationResult reject(RejectionReason reason, String detail) {
    return new VerificationResult(Optional.of(reason), detail);
  }

  public boolean isValid() {
    return reason.isEmpty();
  }

  @Override
  public String toString() {
    return reason.map(r -> r + ": " + detail).orElse("valid");
  }
}
