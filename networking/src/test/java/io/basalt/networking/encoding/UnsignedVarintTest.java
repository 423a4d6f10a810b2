package io.basalt.networking.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnsignedVarintTest {

  private static final HexFormat HEX = HexFormat.of();

  // Examples from the multiformats unsigned-varint README.
  @ParameterizedTest
  @CsvSource({
    "0, 00",
    "1, 01",
    "127, 7f",
    "128, 8001",
    "255, ff01",
    "300, ac02",
    "16384, 808001",
    "9223372036854775807, ffffffffffffffff7f"
  })
  void shouldEncodeAndDecodeSpecExamples(long value, String hex) {
    assertThat(HEX.formatHex(UnsignedVarint.encode(value))).isEqualTo(hex);
    assertThat(UnsignedVarint.decodeExact(HEX.parseHex(hex))).isEqualTo(value);
    assertThat(UnsignedVarint.encodedLength(value)).isEqualTo(hex.length() / 2);
  }

  @Test
  void shouldRejectNonMinimalEncodings() {
    assertThatThrownBy(() -> UnsignedVarint.decodeExact(HEX.parseHex("8000")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("minimal");
    assertThatThrownBy(() -> UnsignedVarint.decodeExact(HEX.parseHex("ff00")))
        .isInstanceOf(DecodingException.class);
  }

  @Test
  void shouldRejectVarintsLongerThanNineBytes() {
    assertThatThrownBy(() -> UnsignedVarint.decodeExact(HEX.parseHex("80808080808080808001")))
        .isInstanceOf(DecodingException.class)
        .hasMessageContaining("9 bytes");
  }

  @Test
  void shouldReportIncompleteInputWithoutMovingThePosition() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("ff"));
    assertThat(UnsignedVarint.read(in)).isEqualTo(UnsignedVarint.INCOMPLETE);
    assertThat(in.position()).isZero();
    assertThatThrownBy(() -> UnsignedVarint.decodeExact(new byte[0]))
        .isInstanceOf(DecodingException.class);
  }

  @Test
  void shouldRejectTrailingBytesAndNegativeValues() {
    assertThatThrownBy(() -> UnsignedVarint.decodeExact(HEX.parseHex("0101")))
        .isInstanceOf(DecodingException.class);
    assertThatThrownBy(() -> UnsignedVarint.encode(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void shouldRoundTripEveryValue(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) {
    byte[] encoded = UnsignedVarint.encode(value);
    assertThat(encoded.length).isLessThanOrEqualTo(UnsignedVarint.MAX_BYTES);
    assertThat(UnsignedVarint.decodeExact(encoded)).isEqualTo(value);
  }
}
