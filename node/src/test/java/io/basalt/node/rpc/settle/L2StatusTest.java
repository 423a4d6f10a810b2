package io.basalt.node.rpc.settle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unsafe / safe / finalized heads, at their boundaries and past reverted batches. */
class L2StatusTest {

  private final FakeSettlementData data = new FakeSettlementData();

  @BeforeEach
  void commitBatches() {
    data.rollup(0);
    data.commit(0, 10); // 0
    data.commit(0, 12); // 1
    data.commit(0, 14); // 2
    data.commit(0, 20); // 3
  }

  private L2Status status(long slot, long finalized) {
    data.view(slot, finalized, finalized);
    return L2Status.of(data.store, 0, data.store.rollup(0).orElseThrow(), data.view);
  }

  @Test
  void shouldHaveNoHeadsBeforeTheFirstBatch() {
    data.rollup(1);
    data.view(50, 40, 40);
    L2Status status = L2Status.of(data.store, 1, data.store.rollup(1).orElseThrow(), data.view);
    assertThat(status.unsafe()).isEmpty();
    assertThat(status.safe()).isEmpty();
    assertThat(status.finalized()).isEmpty();
  }

  @Test
  void shouldMakeSafeTheNewestBatchWhoseCommitIsFinalized() {
    assertThat(status(21, -1).safe()).isEmpty();
    assertThat(status(21, 9).safe()).isEmpty();
    assertThat(status(21, 10).safe()).hasValue(0);
    assertThat(status(21, 13).safe()).hasValue(1);
    assertThat(status(21, 14).safe()).hasValue(2);
    assertThat(status(21, 25).safe()).hasValue(3);
    assertThat(status(21, 25).unsafe()).hasValue(3);
  }

  @Test
  void shouldMakeFinalizedTheNewestSettledBatch() {
    long period = FakeSettlementData.PERIOD;
    assertThat(status(10 + period - 1, 30).finalized()).as("window open").isEmpty();
    assertThat(status(10 + period, 30).finalized()).hasValue(0);
    assertThat(status(14 + period, 30).finalized()).hasValue(2);
    assertThat(status(14 + period, 12).finalized()).as("finality lags").hasValue(1);
    assertThat(status(100, 30).finalized()).hasValue(3);
  }

  @Test
  void shouldSkipRevertedBatches() {
    data.revertFrom(0, 2);
    assertThat(status(100, 30).unsafe()).hasValue(1);
    assertThat(status(100, 30).safe()).hasValue(1);
    assertThat(status(100, 30).finalized()).hasValue(1);

    data.commit(0, 40); // 4, child of 1
    assertThat(status(100, 30).safe()).as("4 not finalized yet").hasValue(1);
    assertThat(status(100, 40).safe()).hasValue(4);
    assertThat(status(100, 40).unsafe()).hasValue(4);
  }
}
