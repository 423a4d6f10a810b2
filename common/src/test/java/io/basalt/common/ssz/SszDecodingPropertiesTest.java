package io.basalt.common.ssz;

import static io.basalt.common.ssz.SszTypes.BOOLEAN;
import static io.basalt.common.ssz.SszTypes.BYTES32;
import static io.basalt.common.ssz.SszTypes.BYTES48;
import static io.basalt.common.ssz.SszTypes.UINT128;
import static io.basalt.common.ssz.SszTypes.UINT16;
import static io.basalt.common.ssz.SszTypes.UINT256;
import static io.basalt.common.ssz.SszTypes.UINT32;
import static io.basalt.common.ssz.SszTypes.UINT64;
import static io.basalt.common.ssz.SszTypes.UINT8;
import static io.basalt.common.ssz.SszTypes.bitlist;
import static io.basalt.common.ssz.SszTypes.bitvector;
import static io.basalt.common.ssz.SszTypes.byteList;
import static io.basalt.common.ssz.SszTypes.list;
import static io.basalt.common.ssz.SszTypes.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.ssz.TestStructs.BitsStruct;
import io.basalt.common.ssz.TestStructs.FixedTestStruct;
import io.basalt.common.ssz.TestStructs.SmallTestStruct;
import io.basalt.common.ssz.TestStructs.Validator;
import io.basalt.common.ssz.TestStructs.VarTestStruct;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decoders take arbitrary bytes: they either succeed, and then the bytes are the canonical encoding
 * of the value, or throw {@link SszDecodingException}; nothing else escapes. Values survive encode
 * then decode.
 */
class SszDecodingPropertiesTest {

  /** A schema with one valid value, whose encoding is the seed of the mutation properties. */
  private record Sample<T>(SszSchema<T> schema, T value) {
    byte[] encoding() {
      return schema.serialize(value).toArray();
    }
  }

  private static final VarTestStruct VAR = new VarTestStruct(7, List.of(1, 2, 3), 9);
  private static final BitsStruct BITS =
      new BitsStruct(
          Bits.of(true, false, true),
          Bits.of(true, true),
          Bits.of(false),
          Bits.of(),
          Bits.of(true, false, false, true, true, false, false, true));

  private static final List<Sample<?>> SAMPLES =
      List.of(
          new Sample<>(UINT8, 200),
          new Sample<>(UINT16, 60000),
          new Sample<>(UINT32, 4_000_000_000L),
          new Sample<>(UINT64, UInt64.MAX_VALUE),
          new Sample<>(UINT128, BigInteger.TWO.pow(127)),
          new Sample<>(UINT256, BigInteger.TWO.pow(255).add(BigInteger.ONE)),
          new Sample<>(BOOLEAN, true),
          new Sample<>(BYTES32, Bytes32.fromHexString("0x" + "ab".repeat(32))),
          new Sample<>(BYTES48, Bytes.wrap(new byte[48])),
          new Sample<>(byteList(40), Bytes.fromHexString("0x010203")),
          new Sample<>(
              bitvector(10),
              Bits.of(true, false, true, true, false, false, true, true, false, true)),
          new Sample<>(bitvector(513), Bits.zeros(513).with(512, true)),
          new Sample<>(
              bitlist(16), Bits.of(true, true, false, true, false, false, false, false, true)),
          new Sample<>(bitlist(0), Bits.of()),
          new Sample<>(vector(UINT16, 4), List.of(1, 2, 3, 4)),
          new Sample<>(list(UINT64, 8), List.of(UInt64.ONE, UInt64.MAX_VALUE)),
          new Sample<>(list(BOOLEAN, 20), List.of(true, false, true)),
          new Sample<>(SmallTestStruct.SSZ, new SmallTestStruct(1, 2)),
          new Sample<>(FixedTestStruct.SSZ, new FixedTestStruct(1, UInt64.valueOf(2), 3L)),
          new Sample<>(VarTestStruct.SSZ, VAR),
          new Sample<>(BitsStruct.SSZ, BITS),
          new Sample<>(Validator.SSZ, Validator.sample(5)),
          new Sample<>(
              vector(VarTestStruct.SSZ, 2), List.of(VAR, new VarTestStruct(1, List.of(), 2))),
          new Sample<>(list(VarTestStruct.SSZ, 3), List.of(VAR, VAR)),
          new Sample<>(
              list(list(UINT8, 4), 3), List.of(List.of(1, 2), List.of(), List.of(3, 4, 5, 6))),
          new Sample<>(list(bitlist(9), 3), List.of(Bits.of(true), Bits.of())),
          new Sample<>(
              new UnionSchema(null, UINT16, VarTestStruct.SSZ), new UnionSchema.Value(2, VAR)),
          new Sample<>(list(UINT64, 8).view(), list(UINT64, 8).view().of(List.of(UInt64.ONE))),
          new Sample<>(
              vector(BYTES32, 3).view(),
              vector(BYTES32, 3).view().of(List.of(Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO))),
          new Sample<>(
              list(Validator.SSZ, 4).view(),
              list(Validator.SSZ, 4).view().of(List.of(Validator.sample(1)))));

  @Provide
  Arbitrary<Integer> sampleIndex() {
    return Arbitraries.integers().between(0, SAMPLES.size() - 1);
  }

  @Property(tries = 3000)
  void randomBytesDecodeOrFailTyped(
      @ForAll("sampleIndex") int sample, @ForAll @Size(max = 160) byte[] bytes) {
    checkDecoding(SAMPLES.get(sample).schema(), bytes);
  }

  @Property(tries = 3000)
  void mutatedEncodingsDecodeOrFailTyped(
      @ForAll("sampleIndex") int sample,
      @ForAll @IntRange(min = 0, max = 2) int mutation,
      @ForAll @IntRange(min = 0, max = 1000) int position,
      @ForAll byte newByte,
      @ForAll @Size(max = 8) byte[] extra) {
    byte[] bytes = SAMPLES.get(sample).encoding();
    byte[] mutated =
        switch (mutation) {
          case 0 -> {
            if (bytes.length > 0) {
              bytes[position % bytes.length] = newByte;
            }
            yield bytes;
          }
          case 1 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : position % bytes.length);
          default -> {
            byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
            System.arraycopy(extra, 0, longer, bytes.length, extra.length);
            yield longer;
          }
        };
    checkDecoding(SAMPLES.get(sample).schema(), mutated);
  }

  @Property(tries = 50)
  void everySampleRoundTrips(@ForAll("sampleIndex") int sample) {
    roundTrip(SAMPLES.get(sample));
  }

  @Property(tries = 300)
  void varTestStructsRoundTrip(@ForAll("varStructs") VarTestStruct value) {
    roundTrip(new Sample<>(VarTestStruct.SSZ, value));
    roundTrip(new Sample<>(list(VarTestStruct.SSZ, 5), List.of(value, value)));
  }

  @Property(tries = 300)
  void bitlistsRoundTrip(@ForAll @Size(max = 300) List<Boolean> bits) {
    boolean[] raw = new boolean[bits.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = bits.get(i);
    }
    roundTrip(new Sample<>(bitlist(300), Bits.of(raw)));
    if (raw.length > 0) {
      roundTrip(new Sample<>(bitvector(raw.length), Bits.of(raw)));
    }
  }

  @Property(tries = 200)
  void uint64ListsRoundTripAndViewsHashAlike(@ForAll @Size(max = 100) List<Long> values) {
    List<UInt64> list = values.stream().map(UInt64::fromBits).toList();
    ListSchema<UInt64> schema = list(UINT64, 1000);
    roundTrip(new Sample<>(schema, list));
    assertThat(schema.view().of(list).hashTreeRoot()).isEqualTo(schema.hashTreeRoot(list));
  }

  @Provide
  Arbitrary<VarTestStruct> varStructs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 65535),
            Arbitraries.integers().between(0, 65535).list().ofMaxSize(40),
            Arbitraries.integers().between(0, 255))
        .as((a, b, c) -> new VarTestStruct(a, List.copyOf(b), c));
  }

  private static <T> void roundTrip(Sample<T> sample) {
    Bytes encoded = sample.schema().serialize(sample.value());
    T decoded = sample.schema().deserialize(encoded);
    assertThat(decoded).isEqualTo(sample.value());
    assertThat(sample.schema().hashTreeRoot(decoded))
        .isEqualTo(sample.schema().hashTreeRoot(sample.value()));
    if (sample.schema().isFixedSize()) {
      assertThat(encoded.size()).isEqualTo(sample.schema().fixedSize());
    }
  }

  private static <T> void checkDecoding(SszSchema<T> schema, byte[] bytes) {
    T value;
    try {
      value = schema.deserialize(Bytes.wrap(bytes));
    } catch (SszDecodingException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    // Success means the bytes were canonical: re-encoding gives them back exactly.
    assertThat(schema.serialize(value).toArray()).isEqualTo(bytes);
    assertThat(schema.hashTreeRoot(schema.fromTree(schema.toTree(value))))
        .isEqualTo(schema.hashTreeRoot(value));
  }

  static List<Sample<?>> samples() {
    return new ArrayList<>(SAMPLES);
  }
}
