package io.basalt.execution.transaction;

import static io.basalt.execution.transaction.Web3jTx.GWEI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeeMarketTest {

  @ParameterizedTest(name = "base fee {0}, used {1} of target {2} -> {3}")
  @CsvSource({
    // At target: unchanged (geth misc/eip1559 TestCalcBaseFee).
    "1000000000, 10000000, 10000000, 1000000000",
    // 10% under target: down by 1/8 of 10%.
    "1000000000, 9000000, 10000000, 987500000",
    // 10% over target: up by 1/8 of 10%.
    "1000000000, 11000000, 10000000, 1012500000",
    // Full block: +12.5%; empty block: -12.5%.
    "1000000000, 20000000, 10000000, 1125000000",
    "1000000000, 0, 10000000, 875000000",
    // Over target the increase is at least 1 wei, even when 1/8 of the excess rounds to zero.
    "7, 10000001, 10000000, 8",
    // Under target the decrease may round to zero.
    "7, 0, 10000000, 7",
    "0, 0, 15000000, 0",
    "0, 30000000, 15000000, 1",
  })
  void shouldComputeTheNextBaseFeeAsEip1559(
      long parentBaseFee, long gasUsed, long gasTarget, long expected) {
    assertThat(
            FeeMarket.nextBaseFee(
                BigInteger.valueOf(parentBaseFee),
                UInt64.valueOf(gasUsed),
                UInt64.valueOf(gasTarget)))
        .isEqualTo(BigInteger.valueOf(expected));
  }

  @Test
  void shouldHalveTheGasLimitForTheTarget() {
    assertThat(FeeMarket.gasTarget(UInt64.valueOf(30_000_000)))
        .isEqualTo(UInt64.valueOf(15_000_000));
  }

  @Test
  void shouldRefuseAZeroGasTarget() {
    assertThatThrownBy(() -> FeeMarket.nextBaseFee(GWEI, UInt64.ZERO, UInt64.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gas target");
  }

  @Test
  void shouldCapThePriorityFeeByTheHeadroomAboveTheBaseFee() {
    // maxPriorityFee 1 gwei, maxFee 2 gwei.
    Transaction tx = Web3jTx.transfer().eip1559();
    BigInteger baseFee = GWEI.add(GWEI.divide(BigInteger.TWO)); // 1.5 gwei

    assertThat(FeeMarket.effectivePriorityFee(tx, baseFee)).contains(GWEI.divide(BigInteger.TWO));
    assertThat(FeeMarket.effectiveGasPrice(tx, baseFee)).contains(GWEI.add(GWEI));
    assertThat(FeeMarket.effectivePriorityFee(tx, BigInteger.valueOf(7))).contains(GWEI);
    assertThat(FeeMarket.effectiveGasPrice(tx, BigInteger.valueOf(7)))
        .contains(GWEI.add(BigInteger.valueOf(7)));
    assertThat(FeeMarket.effectivePriorityFee(tx, GWEI.multiply(BigInteger.valueOf(3)))).isEmpty();
  }

  @Test
  void shouldPayLegacyTransactionsTheirGasPriceAboveTheBaseFee() {
    // gasPrice 2 gwei.
    Transaction tx = Web3jTx.transfer().legacy();

    assertThat(FeeMarket.effectivePriorityFee(tx, GWEI)).contains(GWEI);
    assertThat(FeeMarket.effectiveGasPrice(tx, GWEI)).contains(GWEI.add(GWEI));
  }
}
