package io.basalt.execution.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The worked examples of the Solidity ABI specification, encoded and decoded back. */
class AbiKnownAnswerTest {

  private static BigInteger big(long v) {
    return BigInteger.valueOf(v);
  }

  private static Bytes ascii(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes words(String... hexWords) {
    return Bytes.fromHexString(String.join("", hexWords));
  }

  private static String w(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }

  private static String r(String hex) {
    return hex + "0".repeat(64 - hex.length());
  }

  private static void assertRoundTrip(AbiFunction f, List<?> values, Bytes expected)
      throws AbiDecodingException {
    Bytes call = f.encodeCall(values);
    assertThat(call).isEqualTo(Bytes.concatenate(f.selector(), expected));
    assertThat(f.decodeArguments(call.slice(4))).isEqualTo(values);
  }

  @Test
  void shouldEncodeBaz() throws AbiDecodingException {
    AbiFunction baz = AbiFunction.parse("baz(uint32,bool)");

    assertThat(baz.selector()).isEqualTo(Bytes.fromHexString("0xcdcd77c0"));
    assertRoundTrip(baz, List.of(big(69), true), words(w("45"), w("1")));
  }

  @Test
  void shouldEncodeBarWithAFixedArrayOfFixedBytes() throws AbiDecodingException {
    AbiFunction bar = AbiFunction.parse("bar(bytes3[2])");

    assertThat(bar.selector()).isEqualTo(Bytes.fromHexString("0xfce353f6"));
    assertRoundTrip(
        bar, List.of(List.of(ascii("abc"), ascii("def"))), words(r("616263"), r("646566")));
  }

  @Test
  void shouldEncodeSam() throws AbiDecodingException {
    AbiFunction sam = AbiFunction.parse("sam(bytes,bool,uint256[])");

    assertThat(sam.selector()).isEqualTo(Bytes.fromHexString("0xa5643bf2"));
    assertRoundTrip(
        sam,
        List.of(ascii("dave"), true, List.of(big(1), big(2), big(3))),
        words(w("60"), w("1"), w("a0"), w("4"), r("64617665"), w("3"), w("1"), w("2"), w("3")));
  }

  @Test
  void shouldEncodeFWithStaticAndDynamicMixed() throws AbiDecodingException {
    AbiFunction f = AbiFunction.parse("f(uint256,uint32[],bytes10,bytes)");

    assertThat(f.selector()).isEqualTo(Bytes.fromHexString("0x8be65246"));
    assertRoundTrip(
        f,
        List.of(
            big(0x123),
            List.of(big(0x456), big(0x789)),
            ascii("1234567890"),
            ascii("Hello, world!")),
        words(
            w("123"),
            w("80"),
            r("31323334353637383930"),
            w("e0"),
            w("2"),
            w("456"),
            w("789"),
            w("d"),
            r("48656c6c6f2c20776f726c6421")));
  }

  @Test
  void shouldEncodeGWithNestedDynamicArrays() throws AbiDecodingException {
    AbiFunction g = AbiFunction.parse("g(uint256[][],string[])");

    assertThat(g.selector()).isEqualTo(Bytes.fromHexString("0x2289b18c"));
    assertRoundTrip(
        g,
        List.of(List.of(List.of(big(1), big(2)), List.of(big(3))), List.of("one", "two", "three")),
        words(
            w("40"),
            w("140"),
            w("2"),
            w("40"),
            w("a0"),
            w("2"),
            w("1"),
            w("2"),
            w("1"),
            w("3"),
            w("3"),
            w("60"),
            w("a0"),
            w("e0"),
            w("3"),
            r("6f6e65"),
            w("3"),
            r("74776f"),
            w("5"),
            r("7468726565")));
  }

  @Test
  void shouldEncodeNegativeIntsAsTwosComplement() throws AbiDecodingException {
    AbiFunction f = AbiFunction.parse("f(int8,int256)");

    assertRoundTrip(f, List.of(big(-1), big(-2)), words("f".repeat(64), "f".repeat(63) + "e"));
  }

  @Test
  void shouldParseCanonicalNames() {
    assertThat(AbiFunction.parse("f(uint,int,(uint8,bytes)[2])").signature())
        .isEqualTo("f(uint256,int256,(uint8,bytes)[2])");
    assertThat(AbiEvent.parse("E(bytes indexed,uint256 amount)").signature())
        .isEqualTo("E(bytes,uint256)");
  }

  @Test
  void shouldRefuseMalformedTypes() {
    for (String bad : List.of("uint7", "uint264", "bytes33", "bytes0", "foo", "uint[x]", "[]")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> AbiTypes.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldEncodeTuplesInline() throws AbiDecodingException {
    AbiFunction f = AbiFunction.parse("f((uint8,bytes))");

    assertRoundTrip(
        f,
        List.of(List.of(big(7), ascii("ab"))),
        words(w("20"), w("7"), w("40"), w("2"), r("6162")));
  }
}
