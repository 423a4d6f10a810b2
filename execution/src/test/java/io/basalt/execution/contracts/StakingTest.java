package io.basalt.execution.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.execution.processor.StakingDeposit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** The deposit function's checks, called directly. */
class StakingTest {

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final Address FROM =
      Address.fromHexString("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
  private static final Address WITHDRAWAL =
      Address.fromHexString("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
  private static final Bytes PUBKEY = Bytes.repeat((byte) 0xa1, 48);
  private static final Bytes SIGNATURE = Bytes.repeat((byte) 0xb2, 96);
  private static final Bytes32 TX_HASH = Bytes32.repeat((byte) 0x77);

  private final List<Object> checked = new ArrayList<>();
  private final Staking staking =
      new Staking(
          (pubkey, withdrawal, gwei, signature) -> {
            checked.addAll(List.of(pubkey, withdrawal, gwei, signature));
            return true;
          },
          1_000_000_000L);

  private ContractResult deposit(BigInteger value) {
    return staking.execute(
        new CallContext(FROM, value, TX_HASH, 0, 4, MessagingView.NONE),
        Staking.DEPOSIT.encodeCall(List.of(PUBKEY, WITHDRAWAL, SIGNATURE)));
  }

  @Test
  void shouldCheckTheSignatureOverTheGweiAmount() {
    ContractResult result = deposit(GWEI.multiply(BigInteger.valueOf(32_000_000_000L)));

    assertThat(result.success()).isTrue();
    assertThat(checked).containsExactly(PUBKEY, WITHDRAWAL, 32_000_000_000L, SIGNATURE);
    assertThat(result.outgoing())
        .containsExactly(
            new StakingDeposit(PUBKEY, WITHDRAWAL, 32_000_000_000L, SIGNATURE, FROM, TX_HASH));
    assertThat(result.outgoing().getFirst().value().value())
        .isEqualTo(GWEI.multiply(BigInteger.valueOf(32_000_000_000L)));
  }

  @Test
  void shouldRevertAmountsNoValidatorCanHold() {
    ContractResult result = deposit(GWEI.shiftLeft(63));

    assertThat(result.success()).isFalse();
    assertThat(result.revertReason())
        .isEqualTo("deposit above the largest stake a validator can hold");
    assertThat(checked).isEmpty();
  }

  @Test
  void shouldReportTheMinimumInWei() {
    assertThat(staking.minDeposit()).isEqualTo(BigInteger.TEN.pow(18));
  }
}
