package io.basalt.networking.reqresp;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.UnsignedVarint;
import io.basalt.networking.reqresp.ReqRespException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.xerial.snappy.Snappy;

/**
 * Incrementally decodes one {@code varint(length) || snappy framed stream} payload from bytes as
 * they arrive, stopping exactly at the end of the payload (the bytes after it belong to the next
 * response chunk).
 *
 * <p>Bounds, all checked before decompressing: the announced length against the protocol maximum;
 * each chunk's uncompressed length (from the snappy preamble) against 65536 and against what the
 * announcement still allows — so a decompression bomb fails after at most one chunk of work; each
 * frame against the longest legal compressed chunk. At most one frame is buffered. The stream must
 * open with the identifier chunk; reserved unskippable chunk types, bad checksums and malformed
 * compressed data are {@link Kind#MALFORMED}. Not thread-safe.
 */
public final class SnappyFrameReader {

  static final int MAX_CHUNK_DATA = 65536;
  private static final int MAX_FRAME = 4 + Snappy.maxCompressedLength(MAX_CHUNK_DATA);
  private static final byte[] STREAM_ID = {'s', 'N', 'a', 'P', 'p', 'Y'};

  private enum State {
    LENGTH,
    FRAME_HEADER,
    FRAME_BODY,
    DONE
  }

  private final int maxLength;
  private State state = State.LENGTH;
  private final byte[] varint = new byte[UnsignedVarint.MAX_BYTES];
  private int varintSize;
  private final byte[] header = new byte[4];
  private int headerSize;
  private byte[] frame;
  private int frameType;
  private int frameSize;
  private int frameFilled;
  private boolean sawStreamId;
  private byte[] output;
  private int filled;

  public SnappyFrameReader(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Whether any byte of the payload arrived. */
  public boolean started() {
    return state != State.LENGTH || varintSize > 0;
  }

  /**
   * Consumes bytes of {@code in} up to the end of the payload.
   *
   * @return whether the payload is complete ({@link #payload()})
   * @throws ReqRespException {@link Kind#PAYLOAD_TOO_LARGE} or {@link Kind#MALFORMED}
   */
  public boolean feed(ByteBuffer in) {
    while (state != State.DONE && in.hasRemaining()) {
      switch (state) {
        case LENGTH -> readLength(in);
        case FRAME_HEADER -> readHeader(in);
        case FRAME_BODY -> readBody(in);
        case DONE -> throw new IllegalStateException();
      }
    }
    return state == State.DONE;
  }

  /** The decoded payload once {@link #feed} returned true. */
  public byte[] payload() {
    if (state != State.DONE) {
      throw new IllegalStateException("payload incomplete");
    }
    return output;
  }

  private void readLength(ByteBuffer in) {
    byte b = in.get();
    varint[varintSize++] = b;
    if ((b & 0x80) != 0) {
      if (varintSize == UnsignedVarint.MAX_BYTES) {
        throw malformed("length varint too long");
      }
      return;
    }
    long length;
    try {
      length = UnsignedVarint.decodeExact(Arrays.copyOf(varint, varintSize));
    } catch (DecodingException e) {
      throw new ReqRespException(Kind.MALFORMED, "bad length prefix: " + e.getMessage(), e);
    }
    if (length > maxLength) {
      throw new ReqRespException(
          Kind.PAYLOAD_TOO_LARGE, "announced " + length + " bytes, at most " + maxLength);
    }
    output = new byte[(int) length];
    state = State.FRAME_HEADER;
  }

  private void readHeader(ByteBuffer in) {
    int n = Math.min(4 - headerSize, in.remaining());
    in.get(header, headerSize, n);
    headerSize += n;
    if (headerSize < 4) {
      return;
    }
    headerSize = 0;
    frameType = header[0] & 0xff;
    frameSize = (header[1] & 0xff) | (header[2] & 0xff) << 8 | (header[3] & 0xff) << 16;
    if (!sawStreamId && frameType != 0xff) {
      throw malformed("snappy stream does not start with the stream identifier");
    }
    if (frameType == 0xff && frameSize != STREAM_ID.length) {
      throw malformed("stream identifier of length " + frameSize);
    }
    if ((frameType == 0x00 || frameType == 0x01) && (frameSize < 4 || frameSize > MAX_FRAME)) {
      throw malformed("data chunk of length " + frameSize);
    }
    if (frameType >= 0x02 && frameType <= 0x7f) {
      throw malformed("reserved unskippable chunk type " + frameType);
    }
    if (frameType >= 0x80 && frameType <= 0xfe && frameSize > MAX_FRAME) {
      throw malformed("skippable chunk of length " + frameSize);
    }
    if (frame == null || frame.length < frameSize) {
      frame = new byte[Math.max(frameSize, 64)];
    }
    frameFilled = 0;
    state = State.FRAME_BODY;
    if (frameSize == 0) {
      endFrame();
    }
  }

  private void readBody(ByteBuffer in) {
    int n = Math.min(frameSize - frameFilled, in.remaining());
    in.get(frame, frameFilled, n);
    frameFilled += n;
    if (frameFilled == frameSize) {
      endFrame();
    }
  }

  private void endFrame() {
    switch (frameType) {
      case 0xff -> {
        if (!Arrays.equals(frame, 0, STREAM_ID.length, STREAM_ID, 0, STREAM_ID.length)) {
          throw malformed("bad stream identifier");
        }
        sawStreamId = true;
      }
      case 0x00 -> decompressChunk();
      case 0x01 -> copyChunk();
      default -> {
        // padding or reserved skippable: ignored
      }
    }
    state = filled == output.length && sawStreamId ? State.DONE : State.FRAME_HEADER;
  }

  private void decompressChunk() {
    int dataLength = frameSize - 4;
    int length;
    try {
      length = Snappy.uncompressedLength(frame, 4, dataLength);
    } catch (IOException e) {
      throw new ReqRespException(Kind.MALFORMED, "bad snappy chunk: " + e.getMessage(), e);
    }
    checkChunkLength(length);
    try {
      int written = Snappy.uncompress(frame, 4, dataLength, output, filled);
      if (written != length) {
        throw malformed("snappy chunk decompressed to " + written + " of " + length + " bytes");
      }
    } catch (IOException e) {
      throw new ReqRespException(Kind.MALFORMED, "bad snappy chunk: " + e.getMessage(), e);
    }
    checkCrc(length);
  }

  private void copyChunk() {
    int length = frameSize - 4;
    checkChunkLength(length);
    System.arraycopy(frame, 4, output, filled, length);
    checkCrc(length);
  }

  private void checkChunkLength(int length) {
    if (length < 0 || length > MAX_CHUNK_DATA) {
      throw malformed("chunk of " + length + " uncompressed bytes");
    }
    if (length > output.length - filled) {
      throw malformed(
          "data beyond the announced "
              + output.length
              + " bytes (at "
              + filled
              + " + "
              + length
              + ")");
    }
  }

  private void checkCrc(int length) {
    int expected =
        (frame[0] & 0xff)
            | (frame[1] & 0xff) << 8
            | (frame[2] & 0xff) << 16
            | (frame[3] & 0xff) << 24;
    CRC32C crc = new CRC32C();
    crc.update(output, filled, length);
    if (mask((int) crc.getValue()) != expected) {
      throw malformed("chunk checksum mismatch");
    }
    filled += length;
  }

  /** The framing format's masked CRC-32C. */
  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
  }

  private static ReqRespException malformed(String message) {
    return new ReqRespException(Kind.MALFORMED, message);
  }
}
