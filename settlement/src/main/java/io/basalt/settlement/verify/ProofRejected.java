package io.basalt.settlement.verify;

/** Thrown inside the verifier's checks and turned into a {@link VerificationResult}. */
final class ProofRejected extends Exception {

  private final RejectionReason reason;

  ProofRejected(RejectionReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  RejectionReason reason() {
    return reason;
  }

  static void check(boolean condition, RejectionReason reason, String message)
      throws ProofRejected {
    if (!condition) {
      throw new ProofRejected(reason, message);
    }
  }
}
