package io.basalt.execution.settlement;

import static io.basalt.execution.settlement.SettlementHarness.ETHER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.processor.TransactionOutcome;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Escrow accounting over random deposits and withdrawals: the contract holds bond + deposits −
 * withdrawals paid, a withdrawal the escrow cannot cover is refused, and the supply over every
 * account only falls by burned fees.
 */
class EscrowPropertyTest {

  private static final BigInteger MILLI = ETHER.divide(BigInteger.valueOf(1000));

  @Property(tries = 12)
  void contractBalanceIsBondPlusDepositsMinusPaidWithdrawals(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 5000) Integer> deposits,
      @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 5000) Integer> withdrawals) {
    RollupScenario s = new RollupScenario();
    SettlementHarness h = s.h;
    BigInteger deposited = BigInteger.ZERO;
    for (int amount : deposits) {
      BigInteger value = MILLI.multiply(BigInteger.valueOf(amount));
      h.ok(
          2,
          SettlementAbi.DEPOSIT,
          List.of(BigInteger.valueOf(s.rollupId), h.address(3), Bytes.EMPTY),
          value);
      deposited = deposited.add(value);
    }
    List<Withdrawal> list = new ArrayList<>();
    for (int i = 0; i < withdrawals.size(); i++) {
      list.add(
          new Withdrawal(i, h.address(1), MILLI.multiply(BigInteger.valueOf(withdrawals.get(i)))));
    }
    s.commit(0, s.header(Bytes32.ZERO, 1, list, 0));
    h.slot = 1_000;
    h.finalizeUpTo(500);

    BigInteger paid = BigInteger.ZERO;
    for (int i = 0; i < list.size(); i++) {
      BigInteger amount = list.get(i).amount();
      boolean covered = deposited.subtract(paid).compareTo(amount) >= 0;
      TransactionOutcome outcome =
          h.send(3, SettlementAbi.FINALIZE_WITHDRAWAL, s.withdrawArgs(0, list, i), BigInteger.ZERO);
      assertThat(outcome.success()).isEqualTo(covered);
      if (covered) {
        paid = paid.add(amount);
      }
      assertThat(s.escrow()).isEqualTo(deposited.subtract(paid));
      assertThat(h.balance(SystemContracts.SETTLEMENT))
          .isEqualTo(RollupScenario.BOND.add(deposited).subtract(paid));
      assertThat(h.supply()).isEqualTo(h.initialSupply.subtract(h.burned));
    }
  }
}
