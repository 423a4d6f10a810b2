package io.basalt.beacon.chain.imports;

import java.util.Objects;

/** Why a pipeline stage refused a block, with a detail for logs. */
public record ImportRejection(Reason reason, String detail) {

  /** The check that failed, in pipeline order. */
  public enum Reason {
    /** Gossip: its slot starts later than now plus the allowed clock disparity. */
    FUTURE_SLOT,
    /** Gossip: the block is already imported. */
    ALREADY_KNOWN,
    /** Gossip: its slot is not after the finalized checkpoint's start slot. */
    NOT_AFTER_FINALIZED_SLOT,
    /** Gossip: its parent is unknown; sync should fetch the parent first. */
    UNKNOWN_PARENT,
    /** Gossip: its slot is not after its parent's. */
    SLOT_NOT_AFTER_PARENT,
    /**
     * Gossip: its proposer index is not the expected proposer of the slot on its parent's chain.
     */
    INCORRECT_PROPOSER,
    /** Gossip: the proposer signature does not verify. */
    INVALID_PROPOSER_SIGNATURE,
    /** Signatures: an operation's signature set cannot be built (bad key, index, encoding). */
    MALFORMED_SIGNATURE,
    /** Signatures: the batch of the block's other signatures does not verify. */
    INVALID_SIGNATURE,
    /** Import: the state transition refused the block. */
    STATE_TRANSITION_FAILED,
    /** Import: the block's state root differs from its post-state's root. */
    STATE_ROOT_MISMATCH,
    /** Import: fork choice refused the block. */
    FORK_CHOICE_REJECTED,
    /** A state the check needs could not be regenerated (corrupt or inconsistent store). */
    STATE_UNAVAILABLE,
  }

  public ImportRejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
