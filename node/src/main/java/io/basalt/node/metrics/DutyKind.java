package io.basalt.node.metrics;

import java.util.Locale;

/** The validator duties counted by {@link NodeMetrics}; the label value is the lower-case name. */
public enum DutyKind {
  BEACON_PROPOSAL,
  SHARD_PROPOSAL,
  ATTESTATION,
  AGGREGATION;

  /** The value of the {@code kind} label, e.g. {@code beacon_proposal}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
