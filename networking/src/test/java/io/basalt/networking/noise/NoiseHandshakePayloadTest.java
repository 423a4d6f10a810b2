package io.basalt.networking.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoiseHandshakePayloadTest {

  @Test
  void shouldEncodeFieldsInOrderAndRoundTripExtensions() {
    NoiseHandshakePayload payload =
        new NoiseHandshakePayload(
            new byte[] {1, 2},
            new byte[] {3},
            Optional.of(new NoiseExtensions(List.of(new byte[] {9}), List.of("/yamux/1.0.0"))));
    byte[] encoded = payload.encode();
    // 0a 02 0102 | 12 01 03 | 22 11 (0a 01 09 | 12 0c "/yamux/1.0.0")
    assertThat(HexFormat.of().formatHex(encoded, 0, 9)).isEqualTo("0a0201021201032211");
    NoiseHandshakePayload decoded = NoiseHandshakePayload.decode(encoded);
    assertThat(decoded.identityKey()).containsExactly(1, 2);
    assertThat(decoded.identitySig()).containsExactly(3);
    assertThat(decoded.extensions().orElseThrow().streamMuxers()).containsExactly("/yamux/1.0.0");
    assertThat(decoded.extensions().orElseThrow().webtransportCerthashes())
        .singleElement()
        .satisfies(hash -> assertThat(hash).containsExactly(9));
  }

  @Test
  void shouldSkipUnknownFieldsLikeTheRetiredDataField() {
    // field 3 (bytes "x") between the key and the signature
    byte[] encoded = HexFormat.of().parseHex("0a01011a0178120102");
    NoiseHandshakePayload decoded = NoiseHandshakePayload.decode(encoded);
    assertThat(decoded.identitySig()).containsExactly(2);
    assertThat(decoded.extensions()).isEmpty();
  }

  @Test
  void shouldRejectPayloadWithoutIdentity() {
    assertThatThrownBy(() -> NoiseHandshakePayload.decode(HexFormat.of().parseHex("120102")))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("identity key");
    assertThatThrownBy(() -> NoiseHandshakePayload.decode(HexFormat.of().parseHex("0a05")))
        .isInstanceOf(NoiseException.class);
  }
}
