package io.basalt.execution.abi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Each strictness rule of the decoder, with the message it gives. */
class AbiDecodingErrorTest {

  private static final AbiFunction TRANSFER = AbiFunction.parse("transfer(uint32,address)");
  private static final AbiFunction DEPOSIT = AbiFunction.parse("deposit(bytes,address,bytes)");

  private static String w(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }

  private static Bytes words(String... hexWords) {
    return Bytes.fromHexString(String.join("", hexWords));
  }

  private static void assertFails(AbiFunction f, Bytes args, String message) {
    assertThatThrownBy(() -> f.decodeArguments(args))
        .isInstanceOf(AbiDecodingException.class)
        .hasMessage(message);
  }

  @Test
  void shouldRefuseAddressWithUpperBytesSet() {
    assertFails(
        TRANSFER,
        words(w("1"), "01" + "0".repeat(22) + "11".repeat(20)),
        "argument 2 (address): upper 12 bytes are not zero");
  }

  @Test
  void shouldRefuseShortCalldata() {
    assertFails(
        TRANSFER, Bytes.fromHexString("0x0001"), "calldata too short for argument 1 (uint32)");
    assertFails(TRANSFER, words(w("1")), "calldata too short for argument 2 (address)");
  }

  @Test
  void shouldRefuseOffsetOutsideTheCalldata() {
    assertFails(
        DEPOSIT,
        words(w("ffff"), w("1"), w("60"), w("0")),
        "offset of argument 1 (bytes) points outside the calldata");
    assertFails(
        DEPOSIT,
        words("f".repeat(64), w("1"), w("60"), w("0")),
        "offset of argument 1 (bytes) points outside the calldata");
  }

  @Test
  void shouldRefuseLengthRunningPastTheCalldata() {
    assertFails(
        DEPOSIT,
        words(w("60"), w("1"), w("60"), w("21")),
        "length 33 of argument 1 (bytes) runs past the calldata");
    assertFails(
        AbiFunction.parse("f(uint256[])"),
        words(w("20"), w("3"), w("1")),
        "length 3 of argument 1 (uint256[]) runs past the calldata");
  }

  @Test
  void shouldRefuseIntegersThatDoNotFit() {
    assertFails(
        TRANSFER, words(w("100000000"), w("1")), "argument 1 (uint32): value does not fit uint32");
    assertFails(
        AbiFunction.parse("f(int8)"), words(w("80")), "argument 1 (int8): value does not fit int8");
  }

  @Test
  void shouldRefuseBoolOtherThanZeroOrOne() {
    assertFails(
        AbiFunction.parse("f(bool)"), words(w("2")), "argument 1 (bool): bool must be 0 or 1");
  }

  @Test
  void shouldRefuseNonZeroPadding() {
    assertFails(
        AbiFunction.parse("f(bytes2)"),
        words("abcd01" + "0".repeat(58)),
        "argument 1 (bytes2): padding after bytes2 is not zero");
    assertFails(
        AbiFunction.parse("f(bytes)"),
        words(w("20"), w("1"), "ab01" + "0".repeat(60)),
        "argument 1 (bytes): padding after the content is not zero");
  }

  @Test
  void shouldRefuseInvalidUtf8() {
    assertFails(
        AbiFunction.parse("f(string)"),
        words(w("20"), w("1"), "ff" + "0".repeat(62)),
        "argument 1 (string): string is not valid UTF-8");
  }

  @Test
  void shouldNameNestedElements() {
    assertFails(
        AbiFunction.parse("f(uint8[])"),
        words(w("20"), w("2"), w("1"), w("100")),
        "argument 1 (uint8[]) element 2 (uint8): value does not fit uint8");
  }

  @Test
  void shouldBoundWorkOnOverlappingOffsets() {
    // 1000 elements all pointing at the same 1000-element array: a million values from 32 KiB.
    StringBuilder hex = new StringBuilder(w("20") + w("3e8"));
    for (int i = 0; i < 1000; i++) {
      hex.append(w("7d00"));
    }
    hex.append(w("3e8"));
    hex.append(w("0").repeat(1000));
    assertFails(
        AbiFunction.parse("f(uint256[][])"),
        Bytes.fromHexString(hex.toString()),
        "calldata decodes to more values than its size allows (overlapping offsets)");
  }

  @Test
  void shouldRefuseWrongJavaValuesWhenEncoding() {
    assertThatThrownBy(() -> TRANSFER.encodeCall(List.of("x", Bytes.EMPTY)))
        .isInstanceOf(AbiEncodingException.class)
        .hasMessage("cannot encode a String as uint32");
    assertThatThrownBy(() -> TRANSFER.encodeCall(List.of(-1L, Bytes.EMPTY)))
        .isInstanceOf(AbiEncodingException.class)
        .hasMessage("-1 does not fit uint32");
  }
}
