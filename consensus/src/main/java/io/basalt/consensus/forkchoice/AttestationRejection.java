package io.basalt.consensus.forkchoice;

import java.util.Objects;

/** Why fork choice refused an attestation's vote; no latest message changed. */
public record AttestationRejection(Reason reason, String detail) {

  /** The rule the vote broke. */
  public enum Reason {
    /** The voted block is not in fork choice. */
    UNKNOWN_BLOCK,
    /** The target epoch is after the store's current epoch. */
    FUTURE_TARGET_EPOCH,
    /** A validator index is beyond {@link VoteTracker#MAX_VALIDATORS}. */
    VALIDATOR_INDEX_TOO_LARGE,
  }

  public AttestationRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
