package io.basalt.node.rpc.settle;

import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.InclusionStatus;
import io.basalt.execution.settlement.RollupRecord;
import java.util.Objects;

/**
 * A committed batch with the statuses derived from it under one {@link SettlementView}, by the
 * contract's own rules ({@link BatchStatus#of}, {@link InclusionStatus#of}): what {@code
 * settle_getBatch} and the {@code settlement} subscription report.
 */
public record BatchState(
    long rollupId,
    long batchIndex,
    BatchRecord record,
    BatchStatus status,
    InclusionStatus inclusion,
    Slot challengeDeadline) {

  public BatchState {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(inclusion, "inclusion");
    Objects.requireNonNull(challengeDeadline, "challengeDeadline");
  }

  /** Batch {@code batchIndex} of {@code rollup} as {@code view} sees it. */
  public static BatchState of(
      long rollupId,
      long batchIndex,
      RollupRecord rollup,
      BatchRecord record,
      SettlementView view) {
    return new BatchState(
        rollupId,
        batchIndex,
        record,
        BatchStatus.of(
            record.reverted(),
            record.commitSlot(),
            rollup.challengePeriod(),
            view.slot(),
            view.finalizedShardSlot()),
        InclusionStatus.of(
            record.commitSlot(), view.justifiedShardSlot(), view.finalizedShardSlot()),
        record.challengeDeadline(rollup.challengePeriod()));
  }

  /**
   * Whether nothing can change this batch's report any more: SETTLED (its commit is finalized and
   * its window closed), or REVERTED with its whole window finalized (a veto lands before the
   * deadline, so the reverting block is then final too).
   */
  public boolean isFinal(SettlementView view) {
    return switch (status) {
      case SETTLED -> true;
      case REVERTED ->
          view.finalizedShardSlot().map(f -> !f.isBefore(challengeDeadline)).orElse(false);
      case COMMITTED -> false;
    };
  }
}
