package io.basalt.networking.yamux;

import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * What a {@link YamuxSession} knows, shared by its command side ({@link YamuxSession}, {@link
 * FrameWriter}) and its input side ({@link InboundFrameHandler}): the stream table, the stream
 * counts the limits apply to, the go-away flags, and the decoder's partial frame. Also the two
 * transitions both sides take: a stream leaving the table and the session ending.
 *
 * <p>Not thread-safe: the session's one thread drives it.
 */
final class SessionState {
  final boolean client;
  final YamuxConfig config;
  final FrameSink sink;
  final YamuxListener listener;
  final ByteBufAllocator alloc;
  final FrameDecoder decoder;
  final Map<Integer, StreamState> streams = new HashMap<>();
  long nextStreamId;
  int inboundCount;
  int outboundCount;
  boolean localGoAway;
  GoAwayCode remoteGoAway;
  boolean closed;

  SessionState(
      boolean client,
      YamuxConfig config,
      FrameSink sink,
      YamuxListener listener,
      ByteBufAllocator alloc) {
    this.client = client;
    this.config = config;
    this.sink = sink;
    this.listener = listener;
    this.alloc = alloc;
    this.decoder = new FrameDecoder(config.receiveWindow(), alloc);
    this.nextStreamId = client ? 1 : 2;
  }

  /** Removes the stream once FIN went both ways (if it is still in the table). */
  void removeIfDone(StreamState stream) {
    if (stream.fullyClosed() && streams.get(stream.id) == stream) {
      remove(stream);
      listener.onStreamClosed(stream.id);
    }
  }

  /** Takes the stream out of the table and its count, dropping its queued data. */
  void remove(StreamState stream) {
    streams.remove(stream.id);
    stream.releaseQueue();
    if (stream.inbound) {
      inboundCount--;
    } else {
      outboundCount--;
    }
  }

  /** Ends the session: every stream is reset, then {@link YamuxListener#onSessionClosed}. */
  void terminate() {
    if (closed) {
      return;
    }
    closed = true;
    decoder.fail();
    for (StreamState stream : new ArrayList<>(streams.values())) {
      remove(stream);
      listener.onStreamReset(stream.id);
      listener.onStreamClosed(stream.id);
    }
    // A go-away written just before must leave before the listener closes the transport.
    sink.flush();
    listener.onSessionClosed();
  }

  /** The window delta that SYN and ACK carry: the receive window above the spec's 256 KiB. */
  long extraWindow() {
    return config.receiveWindow() - (long) YamuxConfig.INITIAL_WINDOW;
  }

  static long unsigned(int id) {
    return Integer.toUnsignedLong(id);
  }
}
