package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The send side of a {@link YamuxSession}: control frames go to the {@link FrameSink} at once;
 * stream data leaves a stream's queue only as far as the peer's send window and the transport
 * allow, in frames of at most {@link YamuxConfig#maxFramePayload} bytes, followed by the stream's
 * FIN once the queue is empty. Writes only; the caller flushes.
 *
 * <p>Not thread-safe: the session's one thread drives it.
 */
final class FrameWriter {
  private final SessionState state;

  FrameWriter(SessionState state) {
    this.state = state;
  }

  /** Writes a header-only frame (window update, ping, go-away). */
  void sendFrame(FrameType type, int flags, int streamId, long length) {
    ByteBuf buf = state.alloc.buffer(FrameHeader.SIZE);
    new FrameHeader(type, flags, streamId, length).encode(buf);
    state.sink.write(buf);
  }

  /**
   * Sends what the stream's window allows of its queue, then its FIN if queued and due; reports a
   * writability change and removes the stream if it is now closed both ways.
   */
  void drain(StreamState stream) {
    YamuxConfig config = state.config;
    FrameSink sink = state.sink;
    long maxFrame = config.maxFramePayload();
    while (!stream.queue.isEmpty() && stream.sendWindow > 0 && sink.isWritable()) {
      ByteBuf head = stream.queue.peek();
      int n = (int) Math.min(head.readableBytes(), Math.min(stream.sendWindow, maxFrame));
      ByteBuf chunk = head.readRetainedSlice(n);
      if (!head.isReadable()) {
        stream.queue.poll().release();
      }
      stream.sendWindow -= n;
      stream.queuedBytes -= n;
      ByteBuf header = state.alloc.buffer(FrameHeader.SIZE);
      new FrameHeader(FrameType.DATA, 0, stream.id, n).encode(header);
      sink.write(Unpooled.wrappedBuffer(header, chunk));
    }
    if (stream.finQueued && !stream.finSent && stream.queue.isEmpty()) {
      stream.finSent = true;
      sendFrame(FrameType.WINDOW_UPDATE, Flags.FIN, stream.id, 0);
    }
    boolean writable = !stream.finQueued && stream.queuedBytes < config.maxSendQueueBytes() / 2;
    if (writable != stream.writable) {
      stream.writable = writable;
      state.listener.onWritabilityChanged(stream.id, writable);
    }
    state.removeIfDone(stream);
  }
}
