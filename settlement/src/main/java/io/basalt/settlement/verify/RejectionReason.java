package io.basalt.settlement.verify;

/** Why a settlement proof was refused; the detail message says where. */
public enum RejectionReason {
  /** The proof does not describe the batch the caller expects (shard, rollup, index or hash). */
  WRONG_BATCH,
  /** The batch record is marked reverted by a successful challenge. */
  BATCH_REVERTED,
  /** A storage proof of a batch record word does not prove that word. */
  INVALID_STORAGE_PROOF,
  /** The Settlement account proof does not verify against the shard state root. */
  INVALID_ACCOUNT_PROOF,
  /** The shard header is not the one the crosslink names (root, state root or shard). */
  SHARD_HEADER_MISMATCH,
  /** The crosslink's SSZ branch does not lead to the beacon state root. */
  INVALID_CROSSLINK_BRANCH,
  /**
   * The beacon header's root is not the checkpoint root, or the two proofs name different
   * checkpoints.
   */
  CHECKPOINT_MISMATCH,
  /** The trusted validator set is too old for the checkpoint, or newer than it. */
  STALE_VALIDATOR_SET,
  /** An attestation does not vote for the link the finality rule needs. */
  WRONG_LINK,
  /** An aggregate signature does not verify (forged data, wrong domain, wrong signers). */
  INVALID_SIGNATURE,
  /** Fewer than 2/3 of the active stake voted for a needed link. */
  INSUFFICIENT_PARTICIPATION,
  /** The proof data is malformed (wrong lengths, undecodable keys or signatures). */
  MALFORMED
}
