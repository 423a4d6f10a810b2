package io.basalt.node.rpc.settle;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.InclusionStatus;
import org.junit.jupiter.api.Test;

/** The statuses the RPC reports, at the boundaries of the window and of L1 finality. */
class BatchStateTest {

  private final FakeSettlementData data = new FakeSettlementData();

  private BatchState at(long slot, long justified, long finalized) {
    data.view(slot, justified, finalized);
    return SettleGetBatch.find(data.head(null), 0, 0).orElseThrow();
  }

  @Test
  void shouldReportInclusionByTheCrosslinkedSlotsAtTheCommitSlot() {
    data.rollup(0);
    data.commit(0, 10);

    assertThat(at(11, -1, -1).inclusion()).isEqualTo(InclusionStatus.INCLUDED);
    assertThat(at(11, 9, 9).inclusion()).isEqualTo(InclusionStatus.INCLUDED);
    assertThat(at(11, 10, 9).inclusion()).isEqualTo(InclusionStatus.JUSTIFIED);
    assertThat(at(11, 12, 10).inclusion()).isEqualTo(InclusionStatus.FINALIZED);
  }

  @Test
  void shouldSettleOnlyAtTheDeadlineWithTheCommitFinalized() {
    data.rollup(0);
    data.commit(0, 10);
    long deadline = 10 + FakeSettlementData.PERIOD;

    assertThat(at(deadline - 1, 20, 20).status()).isEqualTo(BatchStatus.COMMITTED);
    assertThat(at(deadline, 20, 20).status()).isEqualTo(BatchStatus.SETTLED);
    assertThat(at(deadline, 20, 9).status())
        .as("finality stalled")
        .isEqualTo(BatchStatus.COMMITTED);
    assertThat(at(deadline, 20, -1).status()).isEqualTo(BatchStatus.COMMITTED);
    assertThat(at(deadline, 20, 20).challengeDeadline().value().longValue()).isEqualTo(deadline);
  }

  @Test
  void shouldReportRevertedWhateverL1Says() {
    data.rollup(0);
    data.commit(0, 10);
    data.revertFrom(0, 0);

    assertThat(at(100, 90, 90).status()).isEqualTo(BatchStatus.REVERTED);
  }

  @Test
  void shouldCallABatchFinalOnlyWhenNothingCanChangeIt() {
    data.rollup(0);
    data.commit(0, 10);
    long deadline = 10 + FakeSettlementData.PERIOD;

    BatchState settled = at(deadline, 20, 20);
    assertThat(settled.isFinal(data.view)).isTrue();
    assertThat(at(deadline - 1, 20, 20).isFinal(data.view)).isFalse();

    data.revertFrom(0, 0);
    BatchState reverted = at(deadline, deadline - 1, deadline - 1);
    assertThat(reverted.isFinal(data.view)).as("a reorg could still undo the veto").isFalse();
    reverted = at(deadline + 1, deadline, deadline);
    assertThat(reverted.isFinal(data.view)).isTrue();
  }

  @Test
  void shouldFindNoBatchPastTheCountOrForAnUnknownRollup() {
    data.rollup(0);
    data.commit(0, 10);
    data.view(11, -1, -1);

    assertThat(SettleGetBatch.find(data.head(null), 0, 1)).isEmpty();
    assertThat(SettleGetBatch.find(data.head(null), 1, 0)).isEmpty();
    assertThat(SettleGetBatch.find(data.head(null), 0, -1)).as("2^64 - 1").isEmpty();
  }
}
