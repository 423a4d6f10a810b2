package io.basalt.networking.host;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.UnsignedVarint;
import io.basalt.networking.encoding.VarintFrames;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one {@code varint(length) || payload} message from a stream (identify's framing) into a
 * future. It buffers at most the prefix plus {@code maxLength} bytes; a longer announcement or a
 * malformed prefix fails the future with a {@link DecodingException} and resets the stream, and a
 * stream ending early fails it with {@link HostException.Reason#CLOSED}.
 */
public final class DelimitedReader implements StreamReader {

  private final int maxLength;
  private final CompletableFuture<byte[]> message = new CompletableFuture<>();
  private byte[] buffer = new byte[64];
  private int size;

  public DelimitedReader(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Completes with the payload. */
  public CompletableFuture<byte[]> message() {
    return message;
  }

  @Override
  public void onData(Stream stream, ByteBuffer data) {
    if (message.isDone()) {
      return;
    }
    int needed = size + data.remaining();
    if (needed > maxLength + UnsignedVarint.MAX_BYTES) {
      // Let the parser below name the error when the prefix already says too much.
      needed = maxLength + UnsignedVarint.MAX_BYTES;
      data.limit(data.position() + (needed - size));
    }
    if (needed > buffer.length) {
      byte[] grown = new byte[Math.min(maxLength + UnsignedVarint.MAX_BYTES, needed * 2)];
      System.arraycopy(buffer, 0, grown, 0, size);
      buffer = grown;
    }
    int n = data.remaining();
    data.get(buffer, size, n);
    size += n;
    try {
      Optional<byte[]> payload = VarintFrames.read(ByteBuffer.wrap(buffer, 0, size), maxLength);
      if (payload.isPresent()) {
        message.complete(payload.get());
      } else if (size >= maxLength + UnsignedVarint.MAX_BYTES) {
        throw new DecodingException("message longer than " + maxLength + " bytes");
      }
    } catch (DecodingException e) {
      message.completeExceptionally(e);
      stream.reset();
    }
  }

  @Override
  public void onClosed(Stream stream, boolean reset) {
    message.completeExceptionally(
        new HostException(HostException.Reason.CLOSED, "stream ended before a full message"));
  }
}
