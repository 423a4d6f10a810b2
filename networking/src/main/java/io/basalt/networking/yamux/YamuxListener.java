package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;

/**
 * Session events, delivered on the thread that drives the session. Callbacks may call back into the
 * session (write, close, reset...). Every method has an empty default.
 */
public interface YamuxListener {
  /** The peer opened a stream; the session has already acknowledged it. */
  default void onInboundStream(int streamId) {}

  /**
   * Data for a stream. The listener owns {@code data} and must release it, and must report the
   * bytes through {@link YamuxSession#consumed} once processed so that the peer may send more.
   */
  default void onData(int streamId, ByteBuf data) {
    data.release();
  }

  /** The peer half-closed the stream (FIN): no more data will arrive on it. */
  default void onRemoteClose(int streamId) {}

  /** The stream was reset by the peer (RST) or by the session ending; pending writes are lost. */
  default void onStreamReset(int streamId) {}

  /** The stream is gone from the session; always the last event for a stream id. */
  default void onStreamClosed(int streamId) {}

  /** The stream's writability ({@link YamuxSession#isWritable}) changed. */
  default void onWritabilityChanged(int streamId, boolean writable) {}

  /** A ping response arrived with the given opaque value. */
  default void onPong(int opaque) {}

  /** The peer sent a go-away; no new streams may be opened. */
  default void onGoAway(GoAwayCode code) {}

  /** The session ended (go-away with an error, protocol error, or transport closed). */
  default void onSessionClosed() {}
}
