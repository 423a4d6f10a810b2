package io.basalt.networking.yamux;

import static io.basalt.networking.yamux.SessionState.unsigned;

import io.basalt.networking.yamux.YamuxException.Reason;
import io.netty.buffer.ByteBuf;

/**
 * The input side of a {@link YamuxSession}: decodes the peer's bytes into frames and turns them
 * into stream events for the {@link YamuxListener}.
 *
 * <p>Inbound SYNs are acknowledged at once (ACK carrying any window above 256 KiB), or answered
 * with RST past {@link YamuxConfig#maxInboundStreams} or after a local go-away. Window updates grow
 * the stream's send window and drain its queue; data counts against the receive window and is
 * handed straight to the listener. Pings are answered, pongs and go-aways reported. Frames for
 * streams that are gone are dropped.
 *
 * <p>A peer that breaks the protocol (bad header, wrong stream id, duplicate SYN, ping flags, more
 * data than its window, data after FIN, send window past 2³²−1) gets a go-away with {@link
 * GoAwayCode#PROTOCOL_ERROR}; a listener that throws gets one with {@link
 * GoAwayCode#INTERNAL_ERROR}. Either way every stream is reset, the session ends, and the error is
 * rethrown.
 *
 * <p>Not thread-safe: the session's one thread drives it.
 */
final class InboundFrameHandler {
  private final SessionState state;
  private final FrameWriter out;

  InboundFrameHandler(SessionState state, FrameWriter out) {
    this.state = state;
    this.out = out;
  }

  /** See {@link YamuxSession#receive}. */
  void receive(ByteBuf in) throws YamuxException {
    if (state.closed) {
      in.release();
      throw new YamuxException(Reason.SESSION_CLOSED, "session is closed");
    }
    try {
      state.decoder.decode(in, this::onFrame);
    } catch (YamuxException e) {
      if (e.reason().isProtocolError()) {
        out.sendFrame(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code());
      }
      state.terminate();
      throw e;
    } catch (RuntimeException e) {
      // A listener failed: the session state is no longer trustworthy.
      out.sendFrame(FrameType.GO_AWAY, 0, 0, GoAwayCode.INTERNAL_ERROR.code());
      state.terminate();
      throw e;
    } finally {
      state.sink.flush();
    }
  }

  private void onFrame(FrameHeader header, ByteBuf payload) throws YamuxException {
    if (state.closed) {
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
      out.sendFrame(FrameType.PING, Flags.ACK, 0, header.length());
    } else if (Flags.has(flags, Flags.ACK) && !Flags.has(flags, Flags.SYN)) {
      state.listener.onPong((int) header.length());
    } else {
      throw new YamuxException(Reason.INVALID_FLAGS, "ping with flags " + flags);
    }
  }

  private void onGoAway(FrameHeader header) throws YamuxException {
    requireSessionFrame(header);
    GoAwayCode code = GoAwayCode.fromWire(header.length());
    state.remoteGoAway = code;
    state.listener.onGoAway(code);
    if (code != GoAwayCode.NORMAL) {
      state.terminate();
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
      StreamState stream = state.streams.get(id);
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
      if (Flags.has(header.flags(), Flags.FIN)
          && state.streams.get(id) == stream
          && !stream.remoteFin) {
        stream.remoteFin = true;
        state.listener.onRemoteClose(id);
        state.removeIfDone(stream);
      }
    } finally {
      release(payload);
    }
  }

  private StreamState acceptInbound(int id) {
    if (state.localGoAway || state.inboundCount >= state.config.maxInboundStreams()) {
      out.sendFrame(FrameType.WINDOW_UPDATE, Flags.RST, id, 0);
      return null;
    }
    StreamState stream = new StreamState(id, true, state.config.receiveWindow());
    state.streams.put(id, stream);
    state.inboundCount++;
    out.sendFrame(FrameType.WINDOW_UPDATE, Flags.ACK, id, state.extraWindow());
    state.listener.onInboundStream(id);
    // The listener may have reset it already.
    return state.streams.get(id);
  }

  private void onWindowUpdate(StreamState stream, long delta) throws YamuxException {
    long window = stream.sendWindow + delta;
    if (window > FrameHeader.MAX_LENGTH) {
      throw new YamuxException(
          Reason.WINDOW_OVERFLOW, "send window of stream " + unsigned(stream.id) + " overflows");
    }
    stream.sendWindow = window;
    out.drain(stream);
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
      state.listener.onData(stream.id, payload);
    }
  }

  private void resetByPeer(StreamState stream) {
    state.remove(stream);
    state.listener.onStreamReset(stream.id);
    state.listener.onStreamClosed(stream.id);
  }

  private boolean isLocalId(int id) {
    boolean odd = (id & 1) == 1;
    return odd == state.client;
  }

  private static void release(ByteBuf payload) {
    if (payload != null) {
      payload.release();
    }
  }
}
