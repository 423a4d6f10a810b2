package io.basalt.execution.settlement;

import io.basalt.common.types.Slot;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A committed batch, stored from {@code base(4, rollupId, batchIndex)}: 0 batchHash, 1
 * parentBatchHash, 2 l2StartBlock, 3 l2EndBlock, 4 stateRoot, 5 withdrawalsRoot, 6 dataHash, 7
 * commitSlot, 8 reverted (1 or 0). Its status is derived ({@link BatchStatus#of}).
 */
public record BatchRecord(
    Bytes32 batchHash, BatchHeader header, Slot commitSlot, boolean reverted) {

  public static final int FIELD_BATCH_HASH = 0;
  public static final int FIELD_WITHDRAWALS_ROOT = 5;
  public static final int FIELD_REVERTED = 8;

  public BatchRecord {
    Objects.requireNonNull(batchHash, "batchHash");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(commitSlot, "commitSlot");
  }

  /** The slot from which the batch can no longer be vetoed and may settle. */
  public Slot challengeDeadline(long challengePeriod) {
    return commitSlot.plus(challengePeriod);
  }
}
