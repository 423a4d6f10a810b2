package io.basalt.execution.rlp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every non-canonical or malformed input is refused with an {@link RlpException}. */
class RlpStrictDecodingTest {

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "'', empty input",
    "0x8100, single byte below 0x80 wrapped in a header",
    "0x817f, single byte 0x7f wrapped in a header",
    "0xb800, long form for an empty string",
    "0xb837" + "00, long form for a 55-byte string",
    "0xb90038, length with a leading zero byte",
    "0x83646f, string shorter than its header says",
    "0x81, one-byte string with no payload",
    "0xb8, long-form string without its length",
    "0xb938, long-form length cut short",
    "0xbfffffffffffffffff, length far beyond the input",
    "0xc3, list header with no payload",
    "0xc38080, list shorter than its header says",
    "0xf800, long form for an empty list",
    "0xf90038, list length with a leading zero byte",
    "0x8080, trailing bytes after the item",
    "0xc0c0, trailing list after the item",
    "0xc28100, non-canonical byte inside a list",
  })
  void decodeShouldRejectMalformedInput(String hex, String reason) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> Rlp.decode(input)).isInstanceOf(RlpException.class);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "0x820001, scalar with a leading zero",
    "0x00, scalar zero as a single zero byte",
    "0x89010000000000000000, 9-byte scalar for a 64-bit field",
    "0xc0, list where a scalar is expected",
  })
  void readUInt64ShouldRejectNonCanonicalScalars(String hex, String reason) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> RlpReader.of(input).readUInt64()).isInstanceOf(RlpException.class);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "0x80, empty string",
    "0x83646f67, three bytes",
    "0xc0, a list",
  })
  void readBytes32ShouldRejectOtherItems(String hex, String reason) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> RlpReader.of(input).readBytes32()).isInstanceOf(RlpException.class);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({"0x83646f67, a string where a list is expected", "'', nothing to read"})
  void readListShouldRejectOtherInput(String hex, String reason) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> RlpReader.of(input).readList()).isInstanceOf(RlpException.class);
  }
}
