package io.basalt.execution.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.AccessListObject;

class IntrinsicGasTest {

  @Test
  void shouldCharge21000ForAPlainTransfer() {
    assertThat(IntrinsicGas.of(Web3jTx.transfer().eip1559())).contains(UInt64.valueOf(21_000));
  }

  @Test
  void shouldChargeFourPerZeroAndSixteenPerNonZeroDataByte() {
    Transaction tx = Web3jTx.transfer().data("0x0100ff0000").legacy();

    assertThat(IntrinsicGas.of(tx)).contains(UInt64.valueOf(21_000 + 16 + 4 + 16 + 4 + 4));
  }

  @Test
  void shouldChargeAccessListAddressesAndKeys() {
    Transaction tx =
        Web3jTx.transfer()
            .accessList(
                List.of(
                    new AccessListObject(
                        Web3jTx.ADDRESS_1,
                        List.of(
                            "0x0000000000000000000000000000000000000000000000000000000000000001",
                            "0x0000000000000000000000000000000000000000000000000000000000000002")),
                    new AccessListObject(Web3jTx.ADDRESS_0, List.of())))
            .eip1559();

    assertThat(IntrinsicGas.of(tx)).contains(UInt64.valueOf(21_000 + 2 * 2_400 + 2 * 1_900));
  }

  @Test
  void shouldChargeCreationAndInitCodeWords() {
    // 33 bytes of init code: two 32-byte words (EIP-3860), 33 non-zero bytes.
    String initCode = "0x" + "60".repeat(33);
    Transaction tx = Web3jTx.transfer().to("").data(initCode).eip1559();

    assertThat(IntrinsicGas.of(tx)).contains(UInt64.valueOf(53_000 + 33 * 16 + 2 * 2));
  }

  @Test
  void shouldReportOverflowInsteadOfWrapping() {
    assertThat(IntrinsicGas.of(false, 0, 1L << 60, 0, 0)).isEmpty();
    assertThat(IntrinsicGas.of(false, Long.MAX_VALUE, 0, 0, 0)).isEmpty();
    assertThat(IntrinsicGas.of(false, 0, 0, 0, Long.MAX_VALUE / 100)).isEmpty();
    // Unsigned 64 bits, as geth: 21,000 + 4 * 2^61 is past 2^63 and still fits.
    assertThat(IntrinsicGas.of(false, 1L << 61, 0, 0, 0))
        .contains(UInt64.fromBits((1L << 63) + 21_000));
  }

  @Test
  void shouldRejectOverflowAsGethDoes() {
    assertThat(TxRejection.GAS_UINT64_OVERFLOW.message()).isEqualTo("gas uint64 overflow");
  }
}
