package io.basalt.node.rpc.settle;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.execution.settlement.RollupRecord;
import io.basalt.node.rpc.settle.WithdrawalVerdict.Status;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whether a withdrawal can be finalized, in the contract's order of checks. */
class WithdrawalVerdictTest {

  private static final long SETTLED_SLOT = 10 + FakeSettlementData.PERIOD;
  private final FakeSettlementData data = new FakeSettlementData();

  @BeforeEach
  void commit() {
    data.rollup(0);
    data.commit(0, 10);
  }

  private WithdrawalVerdict verdict(
      RollupRecord rollup, Optional<Boolean> spent, Optional<BigInteger> amount) {
    BatchState batch = SettleGetBatch.find(data.head(null), 0, 0).orElseThrow();
    return WithdrawalVerdict.of(batch, rollup, data.view, spent, amount);
  }

  private RollupRecord rollup() {
    return data.store.rollup(0).orElseThrow();
  }

  @Test
  void shouldBeClaimableOnceSettledAndUnspent() {
    data.view(SETTLED_SLOT, 10, 10);
    WithdrawalVerdict v = verdict(rollup(), Optional.of(false), Optional.of(BigInteger.ONE));
    assertThat(v.status()).isEqualTo(Status.CLAIMABLE);
  }

  @Test
  void shouldSayWhatANotSettledBatchWaitsFor() {
    data.view(SETTLED_SLOT - 1, 10, 9);
    WithdrawalVerdict v = verdict(rollup(), Optional.of(false), Optional.empty());
    assertThat(v.status()).isEqualTo(Status.NOT_SETTLED);
    assertThat(v.reason())
        .contains("JUSTIFIED, not FINALIZED")
        .contains("window closes at slot " + SETTLED_SLOT);

    data.view(SETTLED_SLOT, 10, 9);
    assertThat(verdict(rollup(), Optional.of(false), Optional.empty()).reason())
        .doesNotContain("window");
  }

  @Test
  void shouldReportSpentAndRevertedFirst() {
    data.view(SETTLED_SLOT, 10, 10);
    assertThat(verdict(rollup(), Optional.of(true), Optional.empty()).status())
        .isEqualTo(Status.SPENT);
    data.revertFrom(0, 0);
    assertThat(verdict(rollup(), Optional.of(true), Optional.empty()).status())
        .isEqualTo(Status.REVERTED);
  }

  @Test
  void shouldRefuseForAFrozenRollupOrAShortEscrow() {
    data.view(SETTLED_SLOT, 10, 10);
    RollupRecord frozen = FakeSettlementData.rollupRecord(1, 1, BigInteger.TEN, true);
    assertThat(verdict(frozen, Optional.of(false), Optional.empty()).reason())
        .isEqualTo("rollup 0 is frozen");
    RollupRecord poor = FakeSettlementData.rollupRecord(1, 1, BigInteger.TEN, false);
    assertThat(verdict(poor, Optional.of(false), Optional.of(BigInteger.valueOf(11))).reason())
        .isEqualTo("escrow of 10 wei cannot pay a withdrawal of 11");
    assertThat(verdict(poor, Optional.of(false), Optional.of(BigInteger.TEN)).status())
        .isEqualTo(Status.CLAIMABLE);
  }

  @Test
  void shouldNotClaimALeafWhosePaymentCannotBeSearched() {
    data.view(SETTLED_SLOT, 10, 10);
    assertThat(verdict(rollup(), Optional.empty(), Optional.empty()).status())
        .isEqualTo(Status.UNKNOWN);
  }
}
