package io.basalt.execution.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * Known answers from Ethereum's RLP test vectors (ethereum/tests {@code RLPTests/rlptest.json}),
 * reconstructed here: each is encoded and decoded back.
 */
class RlpVectorTest {

  private static final String LOREM_55 = "Lorem ipsum dolor sit amet, consectetur adipisicing eli";
  private static final String LOREM_56 = LOREM_55 + "t";

  @Test
  void shouldEncodeStringsAsInTheEthereumVectors() {
    assertString("", "0x80");
    assertString("\u0000", "0x00");
    assertString("\u0001", "0x01");
    assertString("\u007f", "0x7f");
    assertString("dog", "0x83646f67");
    assertString(LOREM_55, "0xb7" + ascii(LOREM_55).toUnprefixedHexString());
    assertString(LOREM_56, "0xb838" + ascii(LOREM_56).toUnprefixedHexString());
  }

  @Test
  void shouldEncodeAStringOf1024BytesWithATwoByteLength() {
    Bytes payload = Bytes.wrap(new byte[1024]).not();
    Bytes encoded = Rlp.encode(payload);
    assertThat(encoded.slice(0, 3)).isEqualTo(Bytes.fromHexString("0xb90400"));
    assertThat(encoded.size()).isEqualTo(1027);
    assertThat(Rlp.decodeBytes(encoded)).isEqualTo(payload);
  }

  @Test
  void shouldEncodeScalarsAsInTheEthereumVectors() {
    assertScalar(0, "0x80");
    assertScalar(1, "0x01");
    assertScalar(16, "0x10");
    assertScalar(79, "0x4f");
    assertScalar(127, "0x7f");
    assertScalar(128, "0x8180");
    assertScalar(1000, "0x8203e8");
    assertScalar(1024, "0x820400");
    assertScalar(100000, "0x830186a0");
    assertBigScalar("83729609699884896815286331701780722", "0x8f102030405060708090a0b0c0d0e0f2");
    assertBigScalar(
        "105315505618206987246253880190783558935785933862974822347068935681",
        "0x9c0100020003000400050006000700080009000a000b000c000d000e01");
  }

  @Test
  void shouldEncodeTwoToThe256AsA33ByteString() {
    Bytes encoded = Rlp.encodeScalar(BigInteger.ONE.shiftLeft(256));
    assertThat(encoded)
        .isEqualTo(
            Bytes.fromHexString(
                "0xa1010000000000000000000000000000000000000000000000000000000000000000"));
    // One bit too wide for uint256, so the 256-bit reader refuses it.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RlpReader.of(encoded).readUInt256())
        .isInstanceOf(RlpException.class);
  }

  @Test
  void shouldEncodeListsAsInTheEthereumVectors() {
    assertItem(RlpItem.list(), "0xc0");
    assertItem(strings("cat", "dog"), "0xc88363617483646f67");
    assertItem(strings("dog", "god", "cat"), "0xcc83646f6783676f6483636174");
    assertItem(RlpItem.list(str("zw"), RlpItem.list(num(4)), num(1)), "0xc6827a77c10401");
    assertItem(
        strings(
            "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer", "zxcv", "asdf", "qwer"),
        "0xf784617364668471776572847a78637684617364668471776572847a78637684617364668471776572"
            + "847a78637684617364668471776572");
    RlpItem abc = strings("asdf", "qwer", "zxcv");
    String abcHex = "cf84617364668471776572847a786376";
    assertItem(RlpItem.list(abc, abc, abc, abc), "0xf840" + abcHex.repeat(4));
    RlpItem[] many = new RlpItem[32];
    Arrays.fill(many, abc);
    assertItem(RlpItem.list(many), "0xf90200" + abcHex.repeat(32));
    assertItem(
        RlpItem.list(RlpItem.list(RlpItem.list(), RlpItem.list()), RlpItem.list()), "0xc4c2c0c0c0");
    assertItem(
        RlpItem.list(
            RlpItem.list(),
            RlpItem.list(RlpItem.list()),
            RlpItem.list(RlpItem.list(), RlpItem.list(RlpItem.list()))),
        "0xc7c0c1c0c3c0c1c0");
    assertItem(
        RlpItem.list(
            strings("key1", "val1"),
            strings("key2", "val2"),
            strings("key3", "val3"),
            strings("key4", "val4")),
        "0xecca846b6579318476616c31ca846b6579328476616c32ca846b6579338476616c33ca846b657934"
            + "8476616c34");
  }

  @Test
  void writerShouldProduceTheSameBytesAsOneShotEncoding() {
    Bytes written =
        RlpWriter.list(
            w -> {
              w.writeBytes(ascii("zw"));
              w.writeList(inner -> inner.writeScalar(4));
              w.writeScalar(UInt64.ONE);
            });
    assertThat(written).isEqualTo(Bytes.fromHexString("0xc6827a77c10401"));
    RlpReader list = RlpReader.of(written).readListFully();
    assertThat(list.readBytes()).isEqualTo(ascii("zw"));
    RlpReader inner = list.readList();
    assertThat(inner.readLong()).isEqualTo(4);
    inner.ensureEnd();
    assertThat(list.readUInt64()).isEqualTo(UInt64.ONE);
    list.ensureEnd();
  }

  @Test
  void readUInt64ShouldAcceptTheFullUnsignedRange() {
    Bytes max = Rlp.encodeScalar(UInt64.MAX_VALUE);
    assertThat(max).isEqualTo(Bytes.fromHexString("0x88ffffffffffffffff"));
    assertThat(RlpReader.of(max).readUInt64()).isEqualTo(UInt64.MAX_VALUE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RlpReader.of(max).readLong())
        .isInstanceOf(RlpException.class);
  }

  private static void assertString(String text, String hex) {
    Bytes expected = Bytes.fromHexString(hex);
    assertThat(Rlp.encode(ascii(text))).isEqualTo(expected);
    assertThat(Rlp.decodeBytes(expected)).isEqualTo(ascii(text));
  }

  private static void assertScalar(long value, String hex) {
    Bytes expected = Bytes.fromHexString(hex);
    assertThat(Rlp.encodeScalar(value)).isEqualTo(expected);
    assertThat(Rlp.encodeScalar(BigInteger.valueOf(value))).isEqualTo(expected);
    assertThat(RlpReader.of(expected).readLong()).isEqualTo(value);
  }

  private static void assertBigScalar(String decimal, String hex) {
    Bytes expected = Bytes.fromHexString(hex);
    assertThat(Rlp.encodeScalar(new BigInteger(decimal))).isEqualTo(expected);
    assertThat(RlpReader.of(expected).readUInt256()).isEqualTo(new BigInteger(decimal));
  }

  private static void assertItem(RlpItem item, String hex) {
    Bytes expected = Bytes.fromHexString(hex);
    assertThat(Rlp.encode(item)).isEqualTo(expected);
    assertThat(Rlp.decode(expected)).isEqualTo(item);
  }

  private static RlpItem strings(String... texts) {
    return new RlpItem.RlpList(Arrays.stream(texts).map(RlpVectorTest::str).toList());
  }

  private static RlpItem str(String text) {
    return RlpItem.string(ascii(text));
  }

  private static RlpItem num(long value) {
    return RlpItem.string(Bytes.wrap(Rlp.scalarBytes(value)));
  }

  private static Bytes ascii(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
