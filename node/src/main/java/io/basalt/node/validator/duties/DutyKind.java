package io.basalt.node.validator.duties;

/** The duties a validator performs, as counted for metrics. */
public enum DutyKind {
  BLOCK_PROPOSAL,
  ATTESTATION,
  AGGREGATION,
  SHARD_PROPOSAL
}
