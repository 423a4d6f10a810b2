package io.basalt.networking.host;

import java.nio.ByteBuffer;

/**
 * Receives a {@link Stream}'s input. Callbacks run on the connection's I/O thread, one at a time,
 * and must not block; {@link #onClosed} is always the last call.
 */
public interface StreamReader {

  /**
   * Bytes from the peer. The buffer is only valid during the call (copy what you keep); returning
   * from the call hands the bytes' flow-control credit back to the peer.
   */
  void onData(Stream stream, ByteBuffer data);

  /** The peer closed its write side (no more data); we may still write. */
  default void onRemoteClosed(Stream stream) {}

  /**
   * The stream is finished: closed both ways, reset by either side, or its connection closed.
   *
   * @param reset whether it ended by a reset (abnormally) rather than a clean close
   */
  default void onClosed(Stream stream, boolean reset) {}
}
