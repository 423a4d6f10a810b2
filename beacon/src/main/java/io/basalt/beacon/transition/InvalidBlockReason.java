package io.basalt.beacon.transition;

/** Why block processing rejected a block; carried by {@link BlockProcessingException}. */
public enum InvalidBlockReason {
  // Slots and the block header.
  /** {@code stateTransition}: the block's slot is not after the pre-state's slot. */
  SLOT_NOT_AFTER_STATE,
  /** {@code processBlock}: the block's slot differs from the state's slot. */
  BLOCK_SLOT_MISMATCH,
  /** The block is not newer than the latest block header. */
  BLOCK_NOT_NEWER_THAN_PARENT,
  PROPOSER_INDEX_MISMATCH,
  PARENT_ROOT_MISMATCH,
  PROPOSER_SLASHED,
  BLOCK_SIGNATURE_INVALID,
  RANDAO_INVALID,
  STATE_ROOT_MISMATCH,

  // Proposer slashings.
  PROPOSER_SLASHING_SLOT_MISMATCH,
  PROPOSER_SLASHING_PROPOSER_MISMATCH,
  PROPOSER_SLASHING_SAME_HEADER,
  PROPOSER_SLASHING_SIGNATURE_INVALID,

  // Attester slashings.
  ATTESTER_SLASHING_NOT_CONFLICTING,
  ATTESTER_SLASHING_NO_ONE_SLASHED,
  INDEXED_ATTESTATION_INVALID,
  INDEXED_ATTESTATION_SIGNATURE_INVALID,
  /** A proposer slashing's proposer is not slashable (already slashed, not active, withdrawn). */
  SLASHING_NOT_SLASHABLE,

  // Attestations.
  ATTESTATION_SHARD_OUT_OF_RANGE,
  /** The target epoch is not the epoch of the attestation's slot. */
  ATTESTATION_TARGET_MISMATCH,
  /** The target epoch is neither the previous nor the current epoch, or the slot is too old. */
  ATTESTATION_TOO_OLD,
  /** Included before {@code MIN_ATTESTATION_INCLUSION_DELAY} or for a future epoch. */
  ATTESTATION_TOO_EARLY,
  ATTESTATION_SOURCE_MISMATCH,
  ATTESTATION_BITS_LENGTH_MISMATCH,
  ATTESTATION_NO_PARTICIPANTS,
  ATTESTATION_SIGNATURE_INVALID,

  // Deposits.
  /** The block carries fewer or more deposits than {@code min(MAX_DEPOSITS, queue length)}. */
  DEPOSIT_COUNT_MISMATCH,
  /** A deposit differs from the pending-deposit queue entry at its position. */
  DEPOSIT_MISMATCH,

  // Voluntary exits.
  VALIDATOR_UNKNOWN,
  EXIT_NOT_ACTIVE,
  EXIT_ALREADY_INITIATED,
  /** The exit's epoch is after the current epoch. */
  EXIT_EPOCH_IN_FUTURE,
  /** The validator has not been active for {@code SHARD_COMMITTEE_PERIOD} epochs. */
  EXIT_TOO_EARLY,
  EXIT_SIGNATURE_INVALID,

  // Shard headers.
  SHARD_HEADER_SHARD_OUT_OF_RANGE,
  SHARD_HEADER_FUTURE_SLOT,
  /** The header's slot is before the previous epoch. */
  SHARD_HEADER_TOO_OLD,
  /** The header is not after the shard's latest crosslink. */
  SHARD_HEADER_NOT_AFTER_CROSSLINK,
  SHARD_HEADER_NO_COMMITTEE,
  SHARD_HEADER_PROPOSER_MISMATCH,
  /** {@code beacon_block_root} is not a block of this chain in the epoch before the header. */
  SHARD_HEADER_BEACON_ROOT_UNKNOWN,
  /** The parent is neither the latest crosslink nor an earlier pending header of the shard. */
  SHARD_HEADER_PARENT_UNKNOWN,
  SHARD_HEADER_DUPLICATE,
  /** {@code MAX_SHARD_HEADERS_PER_SHARD} headers are already pending for the slot and shard. */
  SHARD_HEADER_TOO_MANY,
  SHARD_HEADER_SIGNATURE_INVALID,

  // Staking receipts.
  /** The receipt's source is not a shard: its id is not below {@code SHARD_COUNT}. */
  STAKING_RECEIPT_SHARD_OUT_OF_RANGE,
  /**
   * The receipt's index is not the next one expected from its shard: already queued (a replay) or
   * one before it is missing.
   */
  STAKING_RECEIPT_OUT_OF_ORDER,
  /** The branch does not prove the receipt under the source shard's latest crosslink. */
  STAKING_RECEIPT_PROOF_INVALID,

  /**
   * Block content that no specific check names made a helper refuse its arguments (a value out of
   * the range the helpers accept, an overflowing number). A safety net: each known case has its own
   * reason.
   */
  MALFORMED_BLOCK
}
