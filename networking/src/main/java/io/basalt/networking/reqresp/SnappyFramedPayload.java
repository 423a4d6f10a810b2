package io.basalt.networking.reqresp;

import io.basalt.networking.encoding.UnsignedVarint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.xerial.snappy.SnappyFramedOutputStream;

/**
 * Encodes a req/resp payload: {@code varint(uncompressed length) || snappy framed stream}. The
 * framed stream comes from xerial's {@link SnappyFramedOutputStream}, which writes the framing
 * format of google/snappy {@code framing_format.txt}: the stream identifier chunk {@code ff 06 00
 * 00 "sNaPpY"}, then compressed ({@code 0x00}) or — when compression does not pay — uncompressed
 * ({@code 0x01}) chunks of at most 65536 bytes, each with the masked CRC-32C of its uncompressed
 * data. {@link SnappyFrameReader} decodes it.
 */
public final class SnappyFramedPayload {

  private SnappyFramedPayload() {}

  public static byte[] encode(byte[] payload) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 32);
      out.write(UnsignedVarint.encode(payload.length));
      try (SnappyFramedOutputStream snappy = new SnappyFramedOutputStream(out)) {
        snappy.write(payload);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("snappy framing failed in memory", e);
    }
  }
}
