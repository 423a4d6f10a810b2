package io.basalt.node;

import io.basalt.node.metrics.DutyKind;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.validator.ValidatorMetrics;

/** The validator client's duty accounting into the node's metrics. */
record MetricsValidatorListener(NodeMetrics metrics) implements ValidatorMetrics {

  @Override
  public void dutyPerformed(io.basalt.node.validator.duties.DutyKind kind) {
    metrics.dutyPerformed(of(kind));
  }

  @Override
  public void dutyMissed(io.basalt.node.validator.duties.DutyKind kind) {
    metrics.dutyMissed(of(kind));
  }

  private static DutyKind of(io.basalt.node.validator.duties.DutyKind kind) {
    return switch (kind) {
      case BLOCK_PROPOSAL -> DutyKind.BEACON_PROPOSAL;
      case SHARD_PROPOSAL -> DutyKind.SHARD_PROPOSAL;
      case ATTESTATION -> DutyKind.ATTESTATION;
      case AGGREGATION -> DutyKind.AGGREGATION;
    };
  }
}
