package io.basalt.networking.gossip.host;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.VarintFrames;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamReader;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Splits an inbound gossipsub stream into {@code varint(length) || rpc} frames. Buffers at most one
 * partial frame (the announced length is checked against the maximum before anything is kept). A
 * malformed or oversized prefix is reported once and the stream is reset: it cannot resync.
 */
final class RpcFrameReader implements StreamReader {

  /** Where frames and the stream's end go; called on the stream's I/O thread. */
  interface Listener {
    void onFrame(Stream stream, byte[] frame);

    void onMalformed(Stream stream, DecodingException error);

    void onClosed(Stream stream);
  }

  private final int maxFrameLength;
  private final Listener listener;
  private byte[] partial = new byte[0];
  private int partialSize;
  private boolean failed;

  RpcFrameReader(int maxFrameLength, Listener listener) {
    this.maxFrameLength = maxFrameLength;
    this.listener = listener;
  }

  @Override
  public void onData(Stream stream, ByteBuffer data) {
    if (failed) {
      return;
    }
    try {
      if (partialSize == 0) {
        // Common case: whole frames straight from the stream's buffer, no staging copy.
        emitFrames(stream, data);
        keep(data);
      } else {
        keep(data);
        ByteBuffer buffered = ByteBuffer.wrap(partial, 0, partialSize);
        emitFrames(stream, buffered);
        int left = buffered.remaining();
        System.arraycopy(partial, buffered.position(), partial, 0, left);
        partialSize = left;
      }
    } catch (DecodingException e) {
      failed = true;
      partialSize = 0;
      listener.onMalformed(stream, e);
      stream.reset();
    }
  }

  private void emitFrames(Stream stream, ByteBuffer in) {
    Optional<byte[]> frame;
    while ((frame = VarintFrames.read(in, maxFrameLength)).isPresent()) {
      listener.onFrame(stream, frame.get());
    }
  }

  private void keep(ByteBuffer data) {
    int n = data.remaining();
    if (n == 0) {
      return;
    }
    if (partialSize + n > partial.length) {
      byte[] grown = new byte[Math.max(partialSize + n, Math.min(2 * partial.length, 1 << 20))];
      System.arraycopy(partial, 0, grown, 0, partialSize);
      partial = grown;
    }
    data.get(partial, partialSize, n);
    partialSize += n;
  }

  @Override
  public void onClosed(Stream stream, boolean reset) {
    listener.onClosed(stream);
  }
}
