package io.basalt.networking.reqresp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.networking.encoding.UnsignedVarint;
import io.basalt.networking.reqresp.ReqRespException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32C;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyFramedInputStream;

class SnappyFrameReaderTest {

  private static byte[] decode(byte[] encoded, int max) {
    SnappyFrameReader reader = new SnappyFrameReader(max);
    assertThat(reader.feed(ByteBuffer.wrap(encoded))).isTrue();
    return reader.payload();
  }

  private static byte[] compressible(int n) {
    byte[] data = new byte[n];
    for (int i = 0; i < n; i++) {
      data[i] = (byte) (i % 7);
    }
    return data;
  }

  @Test
  void shouldWriteTheSpecStreamIdentifierAndMaskedCrc() throws Exception {
    byte[] payload = "hello snappy framing".getBytes();
    byte[] encoded = SnappyFramedPayload.encode(payload);

    assertThat(encoded[0]).isEqualTo((byte) payload.length);
    // framing_format.txt 4.1: ff 06 00 00 "sNaPpY"
    assertThat(Arrays.copyOfRange(encoded, 1, 11))
        .containsExactly(0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y');
    int type = encoded[11] & 0xff;
    assertThat(type).isIn(0x00, 0x01);
    int crc =
        (encoded[15] & 0xff)
            | (encoded[16] & 0xff) << 8
            | (encoded[17] & 0xff) << 16
            | (encoded[18] & 0xff) << 24;
    CRC32C expected = new CRC32C();
    expected.update(payload);
    // framing_format.txt 3: masked = ((crc >> 15) | (crc << 17)) + 0xa282ead8
    assertThat(crc).isEqualTo(SnappyFrameReader.mask((int) expected.getValue()));
    // And xerial's own reader agrees on the stream after the length prefix.
    byte[] roundTrip =
        new SnappyFramedInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1))
            .readAllBytes();
    assertThat(roundTrip).isEqualTo(payload);
  }

  @Test
  void shouldDecodeMultiChunkPayloadsFedByteByByte() {
    byte[] payload = new byte[200_000];
    new Random(1).nextBytes(payload);
    System.arraycopy(compressible(100_000), 0, payload, 0, 100_000);
    byte[] encoded = SnappyFramedPayload.encode(payload);
    byte[] withNext = Arrays.copyOf(encoded, encoded.length + 3);
    SnappyFrameReader reader = new SnappyFrameReader(payload.length);
    ByteBuffer in = ByteBuffer.wrap(withNext);
    boolean done = false;
    while (!done) {
      ByteBuffer one = in.slice(in.position(), Math.min(1000, in.remaining()));
      done = reader.feed(one);
      in.position(in.position() + one.position());
    }
    assertThat(reader.payload()).isEqualTo(payload);
    // It stopped exactly at the end of the payload.
    assertThat(in.remaining()).isEqualTo(3);
  }

  @Test
  void shouldDecodeEmptyPayload() {
    assertThat(decode(SnappyFramedPayload.encode(new byte[0]), 10)).isEmpty();
  }

  @Test
  void shouldRejectOversizeFromTheLengthPrefixAlone() {
    byte[] prefix = UnsignedVarint.encode(1_000_001);
    SnappyFrameReader reader = new SnappyFrameReader(1_000_000);
    assertThatThrownBy(() -> reader.feed(ByteBuffer.wrap(prefix)))
        .isInstanceOfSatisfying(
            ReqRespException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PAYLOAD_TOO_LARGE));
  }

  @Test
  void shouldStopADecompressionBombAtTheAnnouncedLength() throws Exception {
    // Announce 10 bytes, send a frame that decompresses to 65536.
    byte[] big = SnappyFramedPayload.encode(new byte[65536]);
    int prefix = UnsignedVarint.encodedLength(65536);
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    bomb.write(UnsignedVarint.encode(10));
    bomb.write(big, prefix, big.length - prefix);
    assertThat(big.length).isLessThan(4000);

    assertThatThrownBy(() -> decode(bomb.toByteArray(), 1_000_000))
        .isInstanceOfSatisfying(
            ReqRespException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
              assertThat(e.getMessage()).contains("beyond the announced");
            });
  }

  @Test
  void shouldRejectBadChecksumMissingIdentifierAndReservedChunks() throws Exception {
    byte[] good = SnappyFramedPayload.encode("payload!".getBytes());
    byte[] badCrc = good.clone();
    badCrc[12 + 3] ^= 1;
    byte[] noId = new byte[good.length - 10];
    noId[0] = good[0];
    System.arraycopy(good, 11, noId, 1, good.length - 11);
    byte[] reserved = good.clone();
    reserved[11] = 0x02;

    for (byte[] bad : new byte[][] {badCrc, noId, reserved}) {
      assertThatThrownBy(() -> decode(bad, 100))
          .isInstanceOfSatisfying(
              ReqRespException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MALFORMED));
    }
    byte[] compressed = Snappy.compress("x".getBytes());
    assertThat(compressed).isNotEmpty();
  }

  @Property(tries = 300)
  void randomBytesOnlyEverGiveTypedErrors(@ForAll @Size(max = 300) byte[] garbage) {
    SnappyFrameReader reader = new SnappyFrameReader(1000);
    try {
      if (reader.feed(ByteBuffer.wrap(garbage))) {
        assertThat(reader.payload().length).isLessThanOrEqualTo(1000);
      }
    } catch (ReqRespException e) {
      assertThat(e.kind()).isIn(Kind.MALFORMED, Kind.PAYLOAD_TOO_LARGE);
    }
  }

  @Property(tries = 100)
  void roundTripsAnyPayload(@ForAll @Size(max = 70_000) byte[] payload) {
    assertThat(decode(SnappyFramedPayload.encode(payload), 70_000)).isEqualTo(payload);
  }
}
