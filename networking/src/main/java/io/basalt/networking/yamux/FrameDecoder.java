package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Splits a byte stream into yamux frames. It buffers at most one partial frame, so its memory is
 * bounded by {@code 12 + maxDataLength} bytes. Not thread-safe.
 *
 * <p>After an error the decoder is failed: it releases its buffer and rejects further input with
 * {@link YamuxException.Reason#SESSION_CLOSED}.
 */
public final class FrameDecoder {
  /** Receives each complete frame. */
  @FunctionalInterface
  public interface FrameConsumer {
    /**
     * One frame.
     *
     * @param header the decoded header
     * @param payload the payload of a data frame, owned by the consumer (it must release it); null
     *     for other frame types
     */
    void onFrame(FrameHeader header, ByteBuf payload) throws YamuxException;
  }

  private final long maxDataLength;
  private final ByteBufAllocator alloc;
  private ByteBuf cumulation;
  private FrameHeader pendingHeader;
  private boolean failed;

  /**
   * A decoder.
   *
   * @param maxDataLength the longest data payload accepted (the largest receive window granted)
   * @param alloc allocates the buffer that joins partial frames
   */
  public FrameDecoder(long maxDataLength, ByteBufAllocator alloc) {
    if (maxDataLength < 0 || maxDataLength > FrameHeader.MAX_LENGTH) {
      throw new IllegalArgumentException("maxDataLength out of range: " + maxDataLength);
    }
    this.maxDataLength = maxDataLength;
    this.alloc = alloc;
  }

  /**
   * Decodes every complete frame in the buffered bytes plus {@code in}.
   *
   * @param in the next bytes; ownership passes to the decoder, which releases it
   * @throws YamuxException for a malformed header, or what the consumer throws
   */
  public void decode(ByteBuf in, FrameConsumer consumer) throws YamuxException {
    if (failed) {
      in.release();
      throw new YamuxException(YamuxException.Reason.SESSION_CLOSED, "decoder already failed");
    }
    append(in);
    try {
      // The consumer may fail the decoder (a go-away ending the session) mid-batch.
      while (!failed) {
        if (pendingHeader == null) {
          if (cumulation.readableBytes() < FrameHeader.SIZE) {
            break;
          }
          pendingHeader = FrameHeader.decode(cumulation, maxDataLength);
        }
        ByteBuf payload = null;
        if (pendingHeader.type() == FrameType.DATA) {
          int length = (int) pendingHeader.length();
          if (cumulation.readableBytes() < length) {
            break;
          }
          payload = cumulation.readRetainedSlice(length);
        }
        FrameHeader header = pendingHeader;
        pendingHeader = null;
        consumer.onFrame(header, payload);
      }
    } catch (YamuxException | RuntimeException e) {
      fail();
      throw e;
    }
    if (cumulation != null && !cumulation.isReadable()) {
      cumulation.release();
      cumulation = null;
    }
  }

  /** Bytes held for a partial frame. */
  public int bufferedBytes() {
    return cumulation == null ? 0 : cumulation.readableBytes();
  }

  /** Releases the buffer and rejects further input. Idempotent. */
  public void fail() {
    failed = true;
    pendingHeader = null;
    if (cumulation != null) {
      cumulation.release();
      cumulation = null;
    }
  }

  private void append(ByteBuf in) {
    if (cumulation == null) {
      cumulation = in;
      return;
    }
    // Payload slices handed out earlier share this buffer; copy into a fresh one rather than
    // writing into memory they may still read.
    int needed = cumulation.readableBytes() + in.readableBytes();
    if (cumulation.refCnt() > 1 || cumulation.writableBytes() < in.readableBytes()) {
      ByteBuf joined = alloc.buffer(needed);
      joined.writeBytes(cumulation);
      cumulation.release();
      cumulation = joined;
    }
    cumulation.writeBytes(in);
    in.release();
  }
}
