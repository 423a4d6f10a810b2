package io.basalt.execution.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;

class RlpPropertyTest {

  @Property
  void byteStringsShouldRoundTrip(@ForAll @Size(max = 300) byte[] bytes) {
    Bytes value = Bytes.wrap(bytes);
    assertThat(Rlp.decodeBytes(Rlp.encode(value))).isEqualTo(value);
  }

  @Property
  void longScalarsShouldRoundTrip(@ForAll long raw) {
    long value = raw & Long.MAX_VALUE;
    assertThat(RlpReader.of(Rlp.encodeScalar(value)).readLong()).isEqualTo(value);
  }

  @Property
  void uint64ScalarsShouldRoundTripOverTheFullRange(@ForAll long bits) {
    UInt64 value = UInt64.fromBits(bits);
    Bytes encoded = Rlp.encodeScalar(value);
    assertThat(encoded).isEqualTo(Rlp.encodeScalar(value.toBigInteger()));
    assertThat(RlpReader.of(encoded).readUInt64()).isEqualTo(value);
  }

  @Property
  void uint256ScalarsShouldRoundTrip(@ForAll @Size(max = 32) byte[] magnitude) {
    BigInteger value = new BigInteger(1, magnitude);
    assertThat(RlpReader.of(Rlp.encodeScalar(value)).readUInt256()).isEqualTo(value);
  }

  @Property
  void nestedItemsShouldRoundTrip(@ForAll("items") RlpItem item) {
    assertThat(Rlp.decode(Rlp.encode(item))).isEqualTo(item);
  }

  /**
   * Random bytes either fail with {@link RlpException} (and nothing else), or decode to an item
   * whose encoding is exactly the input: strict decoding accepts only canonical encodings.
   */
  @Property(tries = 3000)
  void randomBytesShouldDecodeCanonicallyOrFailWithRlpException(
      @ForAll @Size(max = 80) byte[] bytes) {
    Bytes input = Bytes.wrap(bytes);
    RlpItem item;
    try {
      item = Rlp.decode(input);
    } catch (RlpException expected) {
      return;
    }
    assertThat(Rlp.encode(item)).isEqualTo(input);
  }

  @Property(tries = 1000)
  void mutatedEncodingsShouldDecodeCanonicallyOrFailWithRlpException(
      @ForAll("items") RlpItem item, @ForAll int position, @ForAll byte replacement) {
    byte[] bytes = Rlp.encode(item).toArray();
    bytes[Math.floorMod(position, bytes.length)] = replacement;
    Bytes input = Bytes.wrap(bytes);
    try {
      assertThat(Rlp.encode(Rlp.decode(input))).isEqualTo(input);
    } catch (RlpException expected) {
      // refused with the typed error
    }
  }

  @Provide
  Arbitrary<RlpItem> items() {
    Arbitrary<RlpItem> strings =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofMaxSize(70)
            .map(b -> RlpItem.string(Bytes.wrap(b)));
    return Arbitraries.recursive(
        () -> strings,
        inner ->
            Arbitraries.oneOf(
                strings,
                inner.list().ofMaxSize(5).map(children -> (RlpItem) new RlpItem.RlpList(children))),
        0,
        4);
  }
}
