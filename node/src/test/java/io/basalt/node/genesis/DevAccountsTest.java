package io.basalt.node.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Address;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevAccountsTest {

  @Test
  void shouldMatchAnvilsFirstThreeAccounts() {
    List<DevAccount> accounts = DevAccounts.derive(DevAccounts.DEV_MNEMONIC, 3);
    assertThat(accounts)
        .extracting(DevAccount::address)
        .containsExactly(
            Address.fromHexString("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
            Address.fromHexString("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"),
            Address.fromHexString("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"));
    assertThat(accounts.get(0).privateKey())
        .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    assertThat(accounts.get(1).privateKey())
        .isEqualTo("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    assertThat(accounts.get(0).toString()).doesNotContain("ac0974");
  }

  @Test
  void shouldRejectAnInvalidMnemonic() {
    assertThatThrownBy(() -> DevAccounts.derive("test test test", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BIP-39");
    assertThatThrownBy(
            () -> DevAccounts.derive(DevAccounts.DEV_MNEMONIC.replace("junk", "test"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
