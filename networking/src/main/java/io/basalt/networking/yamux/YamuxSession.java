package io.basalt.networking.yamux;

import io.basalt.networking.yamux.YamuxException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

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
 * <p>Not thread-safe: drive it from one thread (the connection's event loop).
 */
public final class YamuxSession {
  private final boolean client;
  private final YamuxConfig config;
  private final FrameSink sink;
  private final YamuxListener listener;
  private final FrameDecoder decoder;
  private final ByteBufAllocator alloc;
  private final Map<Integer, StreamState> streams = new HashMap<>();
  private long nextStreamId;
  private int inboundCount;
  private int outboundCount;
  private boolean localGoAway;
  private GoAwayCode remoteGoAway;
  private boolean closed;

  private YamuxSession(
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
    if (closed) {
      in.release();
      throw new YamuxException(Reason.SESSION_CLOSED, "session is closed");
    }
    try {
      decoder.decode(in, this::onFrame);
    } catch (YamuxException e) {
      if (e.reason().isProtocolError()) {
        sendFrame(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code());
      }
      terminate();
      throw e;
    } catch (RuntimeException e) {
      // A listener failed: the session state is no longer trustworthy.
      sendFrame(FrameType.GO_AWAY, 0, 0, GoAwayCode.INTERNAL_ERROR.code());
      terminate();
      throw e;
    } finally {
      sink.flush();
    }
  }

  private void onFrame(FrameHeader header, ByteBuf payload) throws YamuxException {
    if (closed) {
      // A go-away with an error code ended the session mid-batch; ignore the rest.
      release(payload);
      return;
    }
    switch (header.type()) {
      case PING -> onPing(header);
      case GO_AWAY -> onGoAway(header);
      case DATA, WINDOW_UPDATE -> onStreamFrame(header, payload);
    }
  }

  private void onPing(FrameHeader header) throws YamuxException {
    requireSessionFrame(header);
    int flags = header.flags();
    if (Flags.has(flags, Flags.SYN) && !Flags.has(flags, Flags.ACK)) {
      sendFrame(FrameType.PING, Flags.ACK, 0, header.length());
    } else if (Flags.has(flags, Flags.ACK) && !Flags.has(flags, Flags.SYN)) {
      listener.onPong((int) header.length());
    } else {
      throw new YamuxException(Reason.INVALID_FLAGS, "ping with flags " + flags);
    }
  }

  private void onGoAway(FrameHeader header) throws YamuxException {
    requireSessionFrame(header);
    GoAwayCode code = GoAwayCode.fromWire(header.length());
    remoteGoAway = code;
    listener.onGoAway(code);
    if (code != GoAwayCode.NORMAL) {
      terminate();
    }
  }

  private void requireSessionFrame(FrameHeader header) throws YamuxException {
    if (header.streamId() != 0) {
      throw new YamuxException(
          Reason.INVALID_STREAM_ID,
          header.type() + " frame on stream " + header.streamIdUnsigned());
    }
  }

  private void onStreamFrame(FrameHeader header, ByteBuf payload) throws YamuxException {
    try {
      int id = header.streamId();
      if (id == 0) {
        throw new YamuxException(Reason.INVALID_STREAM_ID, header.type() + " frame on stream 0");
      }
      StreamState stream = streams.get(id);
      if (Flags.has(header.flags(), Flags.SYN)) {
        if (stream != null) {
          throw new YamuxException(Reason.DUPLICATE_STREAM, "SYN for open stream " + unsigned(id));
        }
        if (isLocalId(id)) {
          throw new YamuxException(
              Reason.INVALID_STREAM_ID, "peer opened stream " + unsigned(id) + " of our parity");
        }
        stream = acceptInbound(id);
      }
      if (stream == null) {
        return; // a late frame for a stream that is gone (reset or rejected): drop it
      }
      if (Flags.has(header.flags(), Flags.RST)) {
        resetByPeer(stream);
        return;
      }
      if (header.type() == FrameType.WINDOW_UPDATE) {
        onWindowUpdate(stream, header.length());
      } else {
        ByteBuf data = payload;
        payload = null;
        onData(stream, header.length(), data);
      }
      if (Flags.has(header.flags(), Flags.FIN) && streams.get(id) == stream && !stream.remoteFin) {
        stream.remoteFin = true;
        listener.onRemoteClose(id);
        removeIfDone(stream);
      }
    } finally {
      release(payload);
    }
  }

  private StreamState acceptInbound(int id) {
    if (localGoAway || inboundCount >= config.maxInboundStreams()) {
      sendFrame(FrameType.WINDOW_UPDATE, Flags.RST, id, 0);
      return null;
    }
    StreamState stream = new StreamState(id, true, config.receiveWindow());
    streams.put(id, stream);
    inboundCount++;
    sendFrame(FrameType.WINDOW_UPDATE, Flags.ACK, id, extraWindow());
    listener.onInboundStream(id);
    // The listener may have reset it already.
    return streams.get(id);
  }

  private void onWindowUpdate(StreamState stream, long delta) throws YamuxException {
    long window = stream.sendWindow + delta;
    if (window > FrameHeader.MAX_LENGTH) {
      throw new YamuxException(
          Reason.WINDOW_OVERFLOW, "send window of stream " + unsigned(stream.id) + " overflows");
    }
    stream.sendWindow = window;
    drain(stream);
  }

  private void onData(StreamState stream, long length, ByteBuf payload) throws YamuxException {
    if (length > stream.recvCapacity) {
      payload.release();
      throw new YamuxException(
          Reason.RECEIVE_WINDOW_EXCEEDED,
          "stream "
              + unsigned(stream.id)
              + " got "
              + length
              + " bytes, window "
              + stream.recvCapacity);
    }
    if (length > 0 && stream.remoteFin) {
      payload.release();
      throw new YamuxException(Reason.DATA_AFTER_FIN, "stream " + unsigned(stream.id));
    }
    stream.recvCapacity -= length;
    if (length == 0) {
      payload.release();
    } else {
      listener.onData(stream.id, payload);
    }
  }

  private void resetByPeer(StreamState stream) {
    remove(stream);
    listener.onStreamReset(stream.id);
    listener.onStreamClosed(stream.id);
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
    if (closed || localGoAway || remoteGoAway != null) {
      throw new YamuxException(Reason.SESSION_CLOSED, "session is closed or going away");
    }
    if (outboundCount >= config.maxOutboundStreams()) {
      throw new YamuxException(
          Reason.STREAM_LIMIT, outboundCount + " outbound streams open already");
    }
    if (nextStreamId > FrameHeader.MAX_LENGTH) {
      throw new YamuxException(Reason.STREAM_IDS_EXHAUSTED, "no stream ids left");
    }
    int id = (int) nextStreamId;
    nextStreamId += 2;
    streams.put(id, new StreamState(id, false, config.receiveWindow()));
    outboundCount++;
    sendFrame(FrameType.WINDOW_UPDATE, Flags.SYN, id, extraWindow());
    sink.flush();
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
    StreamState stream = streams.get(streamId);
    if (stream == null || stream.finQueued || closed) {
      data.release();
      throw new YamuxException(Reason.STREAM_CLOSED, "stream " + unsigned(streamId));
    }
    int length = data.readableBytes();
    if (length == 0) {
      data.release();
      return;
    }
    long sendableNow = stream.queue.isEmpty() && sink.isWritable() ? stream.sendWindow : 0;
    if (stream.queuedBytes + length - sendableNow > config.maxSendQueueBytes()) {
      data.release();
      throw new YamuxException(
          Reason.SEND_QUEUE_FULL,
          "stream " + unsigned(streamId) + " has " + stream.queuedBytes + " bytes queued");
    }
    stream.queue.add(data);
    stream.queuedBytes += length;
    drain(stream);
    sink.flush();
  }

  /**
   * Half-closes the stream for writing: FIN goes out after the queued data. The stream stays until
   * the peer half-closes too. Unknown streams are ignored.
   */
  public void close(int streamId) {
    StreamState stream = streams.get(streamId);
    if (stream == null || stream.finQueued) {
      return;
    }
    stream.finQueued = true;
    drain(stream);
    sink.flush();
  }

  /** Resets the stream (RST), dropping its queued data. Unknown streams are ignored. */
  public void reset(int streamId) {
    StreamState stream = streams.get(streamId);
    if (stream == null) {
      return;
    }
    sendFrame(FrameType.WINDOW_UPDATE, Flags.RST, streamId, 0);
    sink.flush();
    remove(stream);
    listener.onStreamClosed(streamId);
  }

  /**
   * Reports that the application processed {@code bytes} of data delivered on the stream. Once half
   * the receive window is consumed, a window update returns it to the peer.
   *
   * @throws IllegalArgumentException if more bytes are reported than were delivered
   */
  public void consumed(int streamId, int bytes) {
    StreamState stream = streams.get(streamId);
    if (stream == null) {
      return;
    }
    if (bytes < 0 || bytes > stream.undelivered()) {
      throw new IllegalArgumentException(
          "consumed " + bytes + " but only " + stream.undelivered() + " were delivered");
    }
    stream.unacked += bytes;
    if (!stream.remoteFin && stream.unacked >= stream.recvWindow / 2) {
      sendFrame(FrameType.WINDOW_UPDATE, 0, streamId, stream.unacked);
      stream.recvCapacity += stream.unacked;
      stream.unacked = 0;
      sink.flush();
    }
  }

  /** Sends a ping request; the answer arrives as {@link YamuxListener#onPong}. */
  public void ping(int opaque) {
    if (closed) {
      return;
    }
    sendFrame(FrameType.PING, Flags.SYN, 0, Integer.toUnsignedLong(opaque));
    sink.flush();
  }

  /**
   * Sends a go-away. New streams are refused from now on (inbound SYNs get RST). With {@link
   * GoAwayCode#NORMAL} open streams may finish; with an error code the session ends at once.
   */
  public void goAway(GoAwayCode code) {
    if (closed) {
      return;
    }
    localGoAway = true;
    sendFrame(FrameType.GO_AWAY, 0, 0, code.code());
    sink.flush();
    if (code != GoAwayCode.NORMAL) {
      terminate();
    }
  }

  /** The transport closed: every stream is reset and the session ends. */
  public void transportClosed() {
    terminate();
  }

  /** The transport takes data again: queued stream data is sent as windows allow. */
  public void transportWritable() {
    for (StreamState stream : new ArrayList<>(streams.values())) {
      if (!sink.isWritable()) {
        break;
      }
      if (streams.get(stream.id) == stream) {
        drain(stream);
      }
    }
    sink.flush();
  }

  // ---- queries ----

  /** Whether the stream exists, is open for writing and has less than half its queue in use. */
  public boolean isWritable(int streamId) {
    StreamState stream = streams.get(streamId);
    return stream != null && !closed && stream.writable;
  }

  /** Whether the stream is still in the session (not reset, not closed both ways). */
  public boolean isOpen(int streamId) {
    return streams.containsKey(streamId);
  }

  /** Bytes the peer currently lets this side send on the stream (0 for unknown streams). */
  public long sendWindow(int streamId) {
    StreamState stream = streams.get(streamId);
    return stream == null ? 0 : stream.sendWindow;
  }

  /** Bytes queued on the stream waiting for window (0 for unknown streams). */
  public long queuedBytes(int streamId) {
    StreamState stream = streams.get(streamId);
    return stream == null ? 0 : stream.queuedBytes;
  }

  /** Number of streams in the session. */
  public int streamCount() {
    return streams.size();
  }

  /** Bytes the decoder holds for a partial frame. */
  public int bufferedInputBytes() {
    return decoder.bufferedBytes();
  }

  /** Whether the session has ended. */
  public boolean isClosed() {
    return closed;
  }

  /** Whether this is the client (odd ids) side. */
  public boolean isClient() {
    return client;
  }

  /** The limits in force. */
  public YamuxConfig config() {
    return config;
  }

  // ---- internals ----

  private void drain(StreamState stream) {
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
      ByteBuf header = alloc.buffer(FrameHeader.SIZE);
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
      listener.onWritabilityChanged(stream.id, writable);
    }
    removeIfDone(stream);
  }

  private void removeIfDone(StreamState stream) {
    if (stream.fullyClosed() && streams.get(stream.id) == stream) {
      remove(stream);
      listener.onStreamClosed(stream.id);
    }
  }

  private void remove(StreamState stream) {
    streams.remove(stream.id);
    stream.releaseQueue();
    if (stream.inbound) {
      inboundCount--;
    } else {
      outboundCount--;
    }
  }

  private void terminate() {
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

  private long extraWindow() {
    return config.receiveWindow() - (long) YamuxConfig.INITIAL_WINDOW;
  }

  private boolean isLocalId(int id) {
    boolean odd = (id & 1) == 1;
    return odd == client;
  }

  private void sendFrame(FrameType type, int flags, int streamId, long length) {
    ByteBuf buf = alloc.buffer(FrameHeader.SIZE);
    new FrameHeader(type, flags, streamId, length).encode(buf);
    sink.write(buf);
  }

  private static void release(ByteBuf payload) {
    if (payload != null) {
      payload.release();
    }
  }

  private static long unsigned(int id) {
    return Integer.toUnsignedLong(id);
  }
}
