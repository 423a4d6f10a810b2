package io.basalt.common.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // The examples of EIP-55.
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26"
      })
  void shouldProduceAndAcceptTheEip55ChecksumForm(String checksummed) {
    Address address = Address.fromHexString(checksummed.toLowerCase(Locale.ROOT));
    assertThat(address.toChecksumString()).isEqualTo(checksummed);
    assertThat(address.toString()).isEqualTo(checksummed);
    assertThat(Address.fromHexString(checksummed)).isEqualTo(address);
    assertThat(Address.fromHexString("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT)))
        .isEqualTo(address);
    assertThat(address.toHexString()).isEqualTo(checksummed.toLowerCase(Locale.ROOT));
  }

  @Test
  void shouldRejectAMixedCaseAddressWithAWrongChecksum() {
    // One letter of 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed lowered.
    assertThatThrownBy(() -> Address.fromHexString("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid EIP-55 checksum")
        .hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
  }

  @Test
  void shouldRejectWrongLengthsAndNonHex() {
    assertThatThrownBy(() -> Address.fromHexString("0x1234"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("40 hex digits, got 4");
    assertThatThrownBy(() -> Address.fromHexString("0x" + "g".repeat(40)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid hex character 'g'");
    // ARABIC-INDIC DIGIT THREE is a digit to Character.digit but not hex to anyone else.
    assertThatThrownBy(() -> Address.fromHexString("0x\u0663" + "0".repeat(39)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid hex character");
    assertThatThrownBy(() -> new Address(Bytes.wrap(new byte[21])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes, got 21");
  }

  @Test
  void shouldAcceptAnUnprefixedAddressAndCompareByValue() {
    Address address = Address.fromHexString("f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(address)
        .isEqualTo(Address.fromHexString("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    assertThat(address.hashCode())
        .isEqualTo(Address.fromHexString("0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266").hashCode());
    assertThat(address.compareTo(Address.ZERO)).isPositive();
  }

  @Test
  void shouldNotShareTheCallersBytes() {
    byte[] raw = new byte[20];
    Address address = new Address(Bytes.wrap(raw));
    raw[0] = 1;
    assertThat(address).isEqualTo(Address.ZERO);
    assertThat(Address.ZERO.toHexString()).isEqualTo("0x" + "0".repeat(40));
  }
}
