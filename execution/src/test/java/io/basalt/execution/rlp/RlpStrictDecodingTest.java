package io.basalt.execution.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
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

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "0x820001, scalar with a leading zero",
    "0x00, scalar zero as a single zero byte",
    "0xa1010000000000000000000000000000000000000000000000000000000000000000, 33-byte scalar",
    "0xc0, list where a scalar is expected",
  })
  void readUInt256ShouldRejectNonCanonicalScalars(String hex, String reason) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> RlpReader.of(input).readUInt256()).isInstanceOf(RlpException.class);
  }

  @Test
  void readUInt256ShouldTakeTheLargest256BitValue() {
    Bytes max = Bytes.concatenate(Bytes.of(0xa0), Bytes.repeat((byte) 0xff, 32));
    assertThat(RlpReader.of(max).readUInt256())
        .isEqualTo(BigInteger.TWO.pow(256).subtract(BigInteger.ONE));
  }

  @Test
  void namedScalarReadsShouldNameTheFieldInTheError() {
    Bytes nineBytes = Bytes.fromHexString("0x89010000000000000000");
    Bytes leadingZero = Bytes.fromHexString("0x820001");
    Bytes wide = Bytes.concatenate(Bytes.of(0xa1, 0x01), Bytes.wrap(new byte[32]));

    assertThatThrownBy(() -> RlpReader.of(nineBytes).readUInt64("nonce"))
        .isInstanceOf(RlpException.class)
        .hasMessage("nonce is 9 bytes, more than the 8 allowed");
    assertThatThrownBy(() -> RlpReader.of(leadingZero).readUInt64("gasLimit"))
        .hasMessageStartingWith("gasLimit is a non-canonical integer");
    assertThatThrownBy(() -> RlpReader.of(wide).readUInt256("value"))
        .hasMessage("value is 33 bytes, more than the 32 allowed");
    assertThatThrownBy(() -> RlpReader.of(leadingZero).readUInt256())
        .hasMessageStartingWith("scalar is a non-canonical integer");
  }

  /** Messages say what is wrong and where, so a caller can pass them on as they are. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "0x83646f, 'RLP item at offset 0 claims 3 bytes, only 2 remain'",
    "0x8100, non-canonical RLP at offset 0: a single byte below 0x80",
    "0xb80212, non-canonical RLP at offset 0: long form for a length of 2",
    "0xb90038, non-canonical RLP at offset 0: leading zero in length",
    "0xb9, RLP length at offset 0 runs past the input",
    "0x8080, 1 bytes after the last expected item",
    "0xc28080c0, 1 bytes after the last expected item",
  })
  void errorsShouldSayWhatAndWhere(String hex, String message) {
    Bytes input = Bytes.fromHexString(hex);
    assertThatThrownBy(() -> Rlp.decode(input).toString())
        .isInstanceOf(RlpException.class)
        .hasMessageContaining(message);
  }

  @Test
  void readerErrorsShouldSayWhatWasExpected() {
    RlpReader list = RlpReader.of(Bytes.fromHexString("0xc0")).readList();
    assertThatThrownBy(list::readBytes).hasMessageContaining("expected another RLP item");
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHexString("0x80")).readList())
        .hasMessageContaining("expected an RLP list at offset 0, found a string");
    assertThatThrownBy(() -> RlpReader.of(Bytes.fromHexString("0xc0")).readBytes())
        .hasMessageContaining("expected an RLP string at offset 0, found a list");
  }
}
