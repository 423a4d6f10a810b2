package io.basalt.networking.yamux;

import static io.basalt.networking.yamux.SessionState.unsigned;

import io.basalt.networking.yamux.YamuxException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;

/**
 * The yamux session state machine, independent of any transport: {@link #receive} takes bytes from
 * the peer and reports {@link YamuxListener} events; commands write frames to a {@link FrameSink}.
 *
 * <p>The client opens odd stream ids, the server even ones. Opening sends a window update with SYN
 * at once (so the peer sees the stream before any data); an inbound SYN is acknowledged at once
 * with ACK, or answered with RST past {@link YamuxConfig#maxInboundStreams} or after a local
 * go-away. A peer that breaks the protocol (bad header, wrong stream id, more data than its window)
 * gets a go-away with {@link GoAwayCode#PROTOCOL_ERROR}, every stream is reset, and {@code receive}
 * throws the {@link YamuxException}.
 *
 * <p>Every buffer this session holds is bounded: the decoder holds one partial frame, each stream
 * queues at most {@link YamuxConfig#maxSendQueueBytes}, inbound data is handed straight to the
 * listener and the peer may never have more than the receive window unconsumed.
 *
 * <p>This class holds the commands and queries; inbound frames are handled by {@link
 * InboundFrameHandler}, the flow-controlled send side is {@link FrameWriter}, and both share a
 * {@link SessionState}.
 *
 * <p>Not thread-safe: drive it from one thread (the connection's event loop).
 */
public final class YamuxSession {
  private final SessionState state;
  private final FrameWriter out;
  private final InboundFrameHandler inbound;

  private YamuxSession(
      boolean client,
      YamuxConfig config,
      FrameSink sink,
      YamuxListener listener,
      ByteBufAllocator alloc) {
    this.state = new SessionState(client, config, sink, listener, alloc);
    this.out = new FrameWriter(state);
    this.inbound = new InboundFrameHandler(state, out);
  }

  /** The dialing side's session (odd stream ids). */
  public static YamuxSession client(YamuxConfig config, FrameSink sink, YamuxListener listener) {
    return new YamuxSession(true, config, sink, listener, ByteBufAllocator.DEFAULT);
  }

  /** The listening side's session (even stream ids). */
  public static YamuxSession server(YamuxConfig config, FrameSink sink, YamuxListener listener) {
    return new YamuxSession(false, config, sink, listener, ByteBufAllocator.DEFAULT);
  }

  // ---- input ----

  /**
   * Feeds bytes from the peer.
   *
   * @param in the bytes; ownership passes to the session
   * @throws YamuxException if the peer broke the protocol (the session has then sent a go-away and
   *     closed; the caller should close the transport), or {@link Reason#SESSION_CLOSED} if the
   *     session had already ended
   */
  public void receive(ByteBuf in) throws YamuxException {
    inbound.receive(in);
  }

  // ---- commands ----

  /**
   * Opens a stream: sends a window update with SYN (granting any window above 256 KiB).
   *
   * @return the new stream id
   * @throws YamuxException with {@link Reason#SESSION_CLOSED} after a go-away either way or once
   *     closed, {@link Reason#STREAM_LIMIT} or {@link Reason#STREAM_IDS_EXHAUSTED}
   */
  public int openStream() throws YamuxException {
    if (state.closed || state.localGoAway || state.remoteGoAway != null) {
      throw new YamuxException(Reason.SESSION_CLOSED, "session is closed or going away");
    }
    if (state.outboundCount >= state.config.maxOutboundStreams()) {
      throw new YamuxException(
          Reason.STREAM_LIMIT, state.outboundCount + " outbound streams open already");
    }
    if (state.nextStreamId > FrameHeader.MAX_LENGTH) {
      throw new YamuxException(Reason.STREAM_IDS_EXHAUSTED, "no stream ids left");
    }
    int id = (int) state.nextStreamId;
    state.nextStreamId += 2;
    state.streams.put(id, new StreamState(id, false, state.config.receiveWindow()));
    state.outboundCount++;
    out.sendFrame(FrameType.WINDOW_UPDATE, Flags.SYN, id, state.extraWindow());
    state.sink.flush();
    return id;
  }

  /**
   * Writes stream data: sends what the peer's window allows, queues the rest.
   *
   * @param data the bytes; ownership passes to the session, also when this throws
   * @throws YamuxException with {@link Reason#STREAM_CLOSED} if the stream is gone or half-closed
   *     for writing, or {@link Reason#SEND_QUEUE_FULL} if the rest would not fit the bounded queue
   *     (nothing is sent then)
   */
  public void write(int streamId, ByteBuf data) throws YamuxException {
    StreamState stream = state.streams.get(streamId);
    if (stream == null || stream.finQueued || state.closed) {
      data.release();
      throw new YamuxException(Reason.STREAM_CLOSED, "stream " + unsigned(streamId));
    }
    int length = data.readableBytes();
    if (length == 0) {
      data.release();
      return;
    }
    long sendableNow = stream.queue.isEmpty() && state.sink.isWritable() ? stream.sendWindow : 0;
    if (stream.queuedBytes + length - sendableNow > state.config.maxSendQueueBytes()) {
      data.release();
      throw new YamuxException(
          Reason.SEND_QUEUE_FULL,
          "stream " + unsigned(streamId) + " has " + stream.queuedBytes + " bytes queued");
    }
    stream.queue.add(data);
    stream.queuedBytes += length;
    out.drain(stream);
    state.sink.flush();
  }

  /**
   * Half-closes the stream for writing: FIN goes out after the queued data. The stream stays until
   * the peer half-closes too. Unknown streams are ignored.
   */
  public void close(int streamId) {
    StreamState stream = state.streams.get(streamId);
    if (stream == null || stream.finQueued) {
      return;
    }
    stream.finQueued = true;
    out.drain(stream);
    state.sink.flush();
  }

  /** Resets the stream (RST), dropping its queued data. Unknown streams are ignored. */
  public void reset(int streamId) {
    StreamState stream = state.streams.get(streamId);
    if (stream == null) {
      return;
    }
    out.sendFrame(FrameType.WINDOW_UPDATE, Flags.RST, streamId, 0);
    state.sink.flush();
    state.remove(stream);
    state.listener.onStreamClosed(streamId);
  }

  /**
   * Reports that the application processed {@code bytes} of data delivered on the stream. Once half
   * the receive window is consumed, a window update returns it to the peer.
   *
   * @throws IllegalArgumentException if more bytes are reported than were delivered
   */
  public void consumed(int streamId, int bytes) {
    StreamState stream = state.streams.get(streamId);
    if (stream == null) {
      return;
    }
    if (bytes < 0 || bytes > stream.undelivered()) {
      throw new IllegalArgumentException(
          "consumed " + bytes + " but only " + stream.undelivered() + " were delivered");
    }
    stream.unacked += bytes;
    if (!stream.remoteFin && stream.unacked >= stream.recvWindow / 2) {
      out.sendFrame(FrameType.WINDOW_UPDATE, 0, streamId, stream.unacked);
      stream.recvCapacity += stream.unacked;
      stream.unacked = 0;
      state.sink.flush();
    }
  }

  /** Sends a ping request; the answer arrives as {@link YamuxListener#onPong}. */
  public void ping(int opaque) {
    if (state.closed) {
      return;
    }
    out.sendFrame(FrameType.PING, Flags.SYN, 0, Integer.toUnsignedLong(opaque));
    state.sink.flush();
  }

  /**
   * Sends a go-away. New streams are refused from now on (inbound SYNs get RST). With {@link
   * GoAwayCode#NORMAL} open streams may finish; with an error code the session ends at once.
   */
  public void goAway(GoAwayCode code) {
    if (state.closed) {
      return;
    }
    state.localGoAway = true;
    out.sendFrame(FrameType.GO_AWAY, 0, 0, code.code());
    state.sink.flush();
    if (code != GoAwayCode.NORMAL) {
      state.terminate();
    }
  }

  /** The transport closed: every stream is reset and the session ends. */
  public void transportClosed() {
    state.terminate();
  }

  /** The transport takes data again: queued stream data is sent as windows allow. */
  public void transportWritable() {
    for (StreamState stream : new ArrayList<>(state.streams.values())) {
      if (!state.sink.isWritable()) {
        break;
      }
      if (state.streams.get(stream.id) == stream) {
        out.drain(stream);
      }
    }
    state.sink.flush();
  }

  // ---- queries ----

  /** Whether the stream exists, is open for writing and has less than half its queue in use. */
  public boolean isWritable(int streamId) {
    StreamState stream = state.streams.get(streamId);
    return stream != null && !state.closed && stream.writable;
  }

  /** Whether the stream is still in the session (not reset, not closed both ways). */
  public boolean isOpen(int streamId) {
    return state.streams.containsKey(streamId);
  }

  /** Bytes the peer currently lets this side send on the stream (0 for unknown streams). */
  public long sendWindow(int streamId) {
    StreamState stream = state.streams.get(streamId);
    return stream == null ? 0 : stream.sendWindow;
  }

  /** Bytes queued on the stream waiting for window (0 for unknown streams). */
  public long queuedBytes(int streamId) {
    StreamState stream = state.streams.get(streamId);
    return stream == null ? 0 : stream.queuedBytes;
  }

  /** Number of streams in the session. */
  public int streamCount() {
    return state.streams.size();
  }

  /** Bytes the decoder holds for a partial frame. */
  public int bufferedInputBytes() {
    return state.decoder.bufferedBytes();
  }

  /** Whether the session has ended. */
  public boolean isClosed() {
    return state.closed;
  }

  /** Whether this is the client (odd ids) side. */
  public boolean isClient() {
    return state.client;
  }

  /** The limits in force. */
  public YamuxConfig config() {
    return state.config;
  }
}
