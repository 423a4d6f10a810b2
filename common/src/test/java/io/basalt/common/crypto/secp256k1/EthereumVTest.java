package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EthereumVTest {

  @Test
  void shouldEncodeAndDecodeLegacyV() {
    assertThat(EthereumV.legacy(0)).isEqualTo(BigInteger.valueOf(27));
    assertThat(EthereumV.legacy(1)).isEqualTo(BigInteger.valueOf(28));
    assertThat(EthereumV.decode(BigInteger.valueOf(28)))
        .isEqualTo(new EthereumV.Decoded(1, OptionalLong.empty()));
  }

  @Test
  void shouldEncodeAndDecodeEip155V() {
    // EIP-155's example: chain id 1, recovery id 0 gives v = 37.
    assertThat(EthereumV.eip155(0, 1)).isEqualTo(BigInteger.valueOf(37));
    assertThat(EthereumV.decode(BigInteger.valueOf(37)))
        .isEqualTo(new EthereumV.Decoded(0, OptionalLong.of(1)));
    assertThat(EthereumV.decode(BigInteger.valueOf(35)))
        .isEqualTo(new EthereumV.Decoded(0, OptionalLong.of(0)));
    BigInteger large = EthereumV.eip155(1, Long.MAX_VALUE);
    assertThat(EthereumV.decode(large))
        .isEqualTo(new EthereumV.Decoded(1, OptionalLong.of(Long.MAX_VALUE)));
  }

  @Test
  void shouldRejectVValuesThatEncodeNothing() {
    for (int v : new int[] {-1, 0, 1, 26, 29, 34}) {
      assertThatThrownBy(() -> EthereumV.decode(BigInteger.valueOf(v)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected 27 or 28 (legacy) or at least 35 (EIP-155)");
    }
    BigInteger tooLarge = EthereumV.eip155(0, Long.MAX_VALUE).add(BigInteger.TWO);
    assertThatThrownBy(() -> EthereumV.decode(tooLarge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds 2^63 - 1");
  }

  @Test
  void shouldRefuseRecoveryIdsThatDoNotFitInV() {
    assertThatThrownBy(() -> EthereumV.legacy(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recovery id 0 or 1");
    assertThatThrownBy(() -> EthereumV.eip155(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
