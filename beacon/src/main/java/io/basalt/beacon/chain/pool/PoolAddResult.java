package io.basalt.beacon.chain.pool;

/** What the attestation pool did with an attestation it was given. */
public enum PoolAddResult {
  /** Held as a new aggregate (no held aggregate of the same data was disjoint from it). */
  ADDED,
  /** Merged into a held aggregate of the same data whose bits were disjoint from its bits. */
  AGGREGATED,
  /** Every one of its bits is already in a held aggregate of the same data. */
  ALREADY_KNOWN,
  /** Its slot is outside the pool's window: too old to be included in a block. */
  TOO_OLD,
  /** No aggregation bit is set, or its signature is not a valid G2 point. */
  INVALID
}
