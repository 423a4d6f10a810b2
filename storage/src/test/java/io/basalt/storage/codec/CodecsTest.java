package io.basalt.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class CodecsTest {

  private static <T> void assertRoundTrip(Codec<T> codec, T value) {
    assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
  }

  private static int compareEncoded(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  @Test
  void shouldRoundTripStandardCodecs() {
    assertRoundTrip(Codecs.BYTES, Bytes.fromHexString("0x00ff10"));
    assertRoundTrip(Codecs.BYTES, Bytes.EMPTY);
    assertRoundTrip(Codecs.BYTES32, Bytes32.fromHexStringLenient("0xabcdef"));
    assertRoundTrip(Codecs.UINT64, UInt64.MAX_VALUE);
    assertRoundTrip(Codecs.LONG, Long.MIN_VALUE);
    assertRoundTrip(Codecs.LONG, -1L);
    assertRoundTrip(Codecs.STRING, "Basalt ✓ ü");
  }

  @Test
  void shouldEncodeUInt64BigEndianSoByteOrderIsNumericOrder() {
    assertThat(Codecs.UINT64.encode(UInt64.valueOf(0x0102)))
        .containsExactly(0, 0, 0, 0, 0, 0, 1, 2);
    assertThat(
            compareEncoded(
                Codecs.UINT64.encode(UInt64.valueOf(255)),
                Codecs.UINT64.encode(UInt64.valueOf(256))))
        .isNegative();
    assertThat(
            compareEncoded(
                Codecs.UINT64.encode(UInt64.valueOf(Long.MAX_VALUE)),
                Codecs.UINT64.encode(UInt64.MAX_VALUE)))
        .isNegative();
  }

  @Test
  void shouldEncodeLongsInNumericOrderIncludingNegatives() {
    long[] ordered = {Long.MIN_VALUE, -256, -1, 0, 1, 256, Long.MAX_VALUE};
    for (int i = 1; i < ordered.length; i++) {
      assertThat(compareEncoded(Codecs.LONG.encode(ordered[i - 1]), Codecs.LONG.encode(ordered[i])))
          .as("%d < %d", ordered[i - 1], ordered[i])
          .isNegative();
    }
  }

  @Test
  void shouldRejectStoredBytesOfTheWrongLength() {
    assertThatThrownBy(() -> Codecs.BYTES32.decode(new byte[31]))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("32");
    assertThatThrownBy(() -> Codecs.UINT64.decode(new byte[9])).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> Codecs.LONG.decode(new byte[0])).isInstanceOf(CodecException.class);
  }

  @Test
  void shouldRejectMalformedUtf8() {
    assertThatThrownBy(() -> Codecs.STRING.decode(new byte[] {(byte) 0xc3, (byte) 0x28}))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void shouldMapCodecThroughAnotherType() {
    Codec<Slot> slots = Codecs.map(Codecs.UINT64, Slot::value, Slot::new);
    assertRoundTrip(slots, Slot.of(42));
    assertThat(slots.encode(Slot.of(42))).isEqualTo(Codecs.UINT64.encode(UInt64.valueOf(42)));
  }

  @Test
  void shouldNotShareArraysWithCallers() {
    byte[] stored = {1, 2, 3};
    Bytes decoded = Codecs.BYTES.decode(stored);
    stored[0] = 9;
    assertThat(decoded).isEqualTo(Bytes.of(1, 2, 3));
  }
}
