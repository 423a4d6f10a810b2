package io.basalt.execution.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.execution.rlp.Rlp;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder takes exactly one canonical encoding and names what is wrong with anything else. */
class TransactionDecoderTest {

  /** The nine fields of a valid legacy transfer, each RLP-encoded, to break one at a time. */
  private static List<byte[]> legacyFields() {
    List<byte[]> items = new ArrayList<>();
    items.add(Rlp.encodeScalar(9).toArray());
    items.add(Rlp.encodeScalar(20_000_000_000L).toArray());
    items.add(Rlp.encodeScalar(21_000).toArray());
    items.add(Rlp.encode(Bytes.repeat((byte) 0x35, 20).toArray()));
    items.add(Rlp.encodeScalar(BigInteger.TEN.pow(18)).toArray());
    items.add(Rlp.encode(new byte[0]));
    items.add(Rlp.encodeScalar(37).toArray());
    items.add(Rlp.encodeScalar(BigInteger.TWO.pow(255)).toArray());
    items.add(Rlp.encodeScalar(BigInteger.TWO.pow(254)).toArray());
    return items;
  }

  private static byte[] encodeList(List<byte[]> items) {
    return Rlp.encodeList(items.stream().map(Bytes::wrap).toList()).toArray();
  }

  private static Bytes legacy(List<byte[]> items) {
    return Bytes.wrap(encodeList(items));
  }

  private static void assertMalformed(Bytes raw, String detail) {
    assertThatThrownBy(() -> TransactionDecoder.decode(raw))
        .isInstanceOfSatisfying(
            TransactionDecodingException.class, e -> assertThat(e.isUnsupportedType()).isFalse())
        .hasMessageStartingWith("malformed transaction: ")
        .hasMessageContaining(detail);
  }

  @Test
  void shouldDecodeTheUnbrokenFieldsToCheckTheFixture() throws TransactionDecodingException {
    Bytes raw = legacy(legacyFields());

    assertThat(TransactionDecoder.decode(raw).encode()).isEqualTo(raw);
  }

  @Test
  void shouldRejectEmptyInput() {
    assertMalformed(Bytes.EMPTY, "empty input");
  }

  @Test
  void shouldRejectAccessListTransactionsAsUnsupportedType() {
    Bytes type1 = Web3jTx.transfer().sign2930();

    assertThat(type1.get(0)).isEqualTo((byte) 0x01);
    assertThatThrownBy(() -> TransactionDecoder.decode(type1))
        .isInstanceOfSatisfying(
            TransactionDecodingException.class, e -> assertThat(e.isUnsupportedType()).isTrue())
        .hasMessage("transaction type not supported: 0x01");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x03, 0x04, 0x05, 0x7f})
  void shouldRejectOtherTypesAsUnsupported(int type) {
    Bytes raw = Bytes.concatenate(Bytes.of(type), legacy(legacyFields()));

    assertThatThrownBy(() -> TransactionDecoder.decode(raw))
        .isInstanceOfSatisfying(
            TransactionDecodingException.class, e -> assertThat(e.isUnsupportedType()).isTrue())
        .hasMessageStartingWith("transaction type not supported");
  }

  @Test
  void shouldRejectAnRlpStringWhereTheListShouldBe() {
    assertMalformed(Bytes.fromHexString("0x8401020304"), "neither a type byte nor an RLP list");
  }

  @Test
  void shouldRejectTrailingBytes() {
    assertMalformed(Bytes.concatenate(legacy(legacyFields()), Bytes.of(0)), "1 bytes after");
    Bytes typed = Web3jTx.transfer().sign1559();
    assertMalformed(Bytes.concatenate(typed, Bytes.of(0x80)), "1 bytes after");
  }

  @Test
  void shouldRejectTruncatedInput() {
    Bytes raw = legacy(legacyFields());

    assertMalformed(raw.slice(0, raw.size() - 1), "claims");
  }

  @Test
  void shouldRejectMissingAndExtraFields() {
    List<byte[]> eight = legacyFields();
    eight.remove(8);
    List<byte[]> ten = legacyFields();
    ten.add(Rlp.encodeScalar(1).toArray());

    assertMalformed(legacy(eight), "expected another RLP item");
    assertMalformed(legacy(ten), "a legacy transaction has 9 fields, found more");
  }

  @Test
  void shouldRejectIntegersWithLeadingZeros() {
    List<byte[]> items = legacyFields();
    items.set(0, new byte[] {(byte) 0x82, 0x00, 0x09});

    assertMalformed(legacy(items), "nonce is a non-canonical integer");
  }

  @Test
  void shouldRejectZeroWrittenAsAByte() {
    List<byte[]> items = legacyFields();
    items.set(4, new byte[] {0x00});

    assertMalformed(legacy(items), "value is a non-canonical integer");
  }

  @Test
  void shouldRejectASingleSmallByteWrappedInAString() {
    List<byte[]> items = legacyFields();
    items.set(0, new byte[] {(byte) 0x81, 0x09});

    assertMalformed(legacy(items), "a single byte below 0x80");
  }

  @Test
  void shouldRejectLongFormForShortLengths() {
    List<byte[]> items = legacyFields();
    items.set(5, new byte[] {(byte) 0xb8, 0x02, 0x12, 0x34});

    assertMalformed(legacy(items), "long form for a length of 2");
  }

  @Test
  void shouldRejectLeadingZeroInALength() {
    byte[] data = new byte[60];
    List<byte[]> items = legacyFields();
    items.set(5, Bytes.concatenate(Bytes.fromHexString("0xb9003c"), Bytes.wrap(data)).toArray());

    assertMalformed(legacy(items), "leading zero in length");
  }

  @Test
  void shouldRejectNonceAndGasWiderThan64Bits() {
    List<byte[]> nonce = legacyFields();
    nonce.set(0, Rlp.encodeScalar(BigInteger.TWO.pow(64)).toArray());
    List<byte[]> gas = legacyFields();
    gas.set(2, Rlp.encodeScalar(BigInteger.TWO.pow(64)).toArray());

    assertMalformed(legacy(nonce), "nonce is 9 bytes, more than the 8 allowed");
    assertMalformed(legacy(gas), "gasLimit is 9 bytes");
  }

  @Test
  void shouldRejectAmountsWiderThan256Bits() {
    List<byte[]> items = legacyFields();
    items.set(4, Rlp.encodeScalar(BigInteger.TWO.pow(256)).toArray());

    assertMalformed(legacy(items), "value is 33 bytes, more than the 32 allowed");
  }

  @Test
  void shouldRejectARecipientOfTheWrongLength() {
    List<byte[]> items = legacyFields();
    items.set(3, Rlp.encode(new byte[19]));

    assertMalformed(legacy(items), "to is 19 bytes, expected 20 or empty");
  }

  @Test
  void shouldRejectAListWhereAFieldShouldBe() {
    List<byte[]> items = legacyFields();
    items.set(5, encodeList(List.of()));

    assertMalformed(legacy(items), "found a list");
  }

  @Test
  void shouldRejectBadAccessListEntries() {
    assertMalformed(typed(accessEntry(new byte[19], List.of())), "access list address is 19");
    assertMalformed(
        typed(accessEntry(new byte[20], List.of(new byte[31]))), "access list storage key is 31");
    byte[] threeParts =
        encodeList(
            List.of(
                Rlp.encode(new byte[20]), encodeList(List.of()), Rlp.encodeScalar(1).toArray()));
    assertMalformed(typed(threeParts), "more than an address and a list of storage keys");
  }

  private static byte[] accessEntry(byte[] address, List<byte[]> keys) {
    List<byte[]> encodedKeys = new ArrayList<>();
    keys.forEach(key -> encodedKeys.add(Rlp.encode(key)));
    return encodeList(List.of(Rlp.encode(address), encodeList(encodedKeys)));
  }

  /** A type-2 transaction whose access list holds {@code entry}. */
  private static Bytes typed(byte[] entry) {
    List<byte[]> items = new ArrayList<>();
    items.add(Rlp.encodeScalar(Web3jTx.CHAIN_ID).toArray());
    items.add(Rlp.encodeScalar(0).toArray());
    items.add(Rlp.encodeScalar(1).toArray());
    items.add(Rlp.encodeScalar(2).toArray());
    items.add(Rlp.encodeScalar(21_000).toArray());
    items.add(Rlp.encode(new byte[20]));
    items.add(Rlp.encodeScalar(0).toArray());
    items.add(Rlp.encode(new byte[0]));
    items.add(encodeList(List.of(entry)));
    items.add(Rlp.encodeScalar(0).toArray());
    items.add(Rlp.encodeScalar(1).toArray());
    items.add(Rlp.encodeScalar(1).toArray());
    return Bytes.concatenate(Bytes.of(0x02), Bytes.wrap(encodeList(items)));
  }

  @Test
  void shouldRoundTripLongDataThroughTheLongForms() throws TransactionDecodingException {
    Bytes signed = Web3jTx.transfer().data(Bytes.random(70_000).toHexString()).sign1559();

    Transaction tx = TransactionDecoder.decode(signed);

    assertThat(tx.data().size()).isEqualTo(70_000);
    assertThat(tx.encode()).isEqualTo(signed);
  }
}
