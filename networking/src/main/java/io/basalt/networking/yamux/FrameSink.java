package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;

/** Where a session's outbound bytes go (the secured connection). */
public interface FrameSink {
  /** Queues one encoded frame; ownership of {@code frame} passes to the sink. */
  void write(ByteBuf frame);

  /** Pushes queued frames out; the session calls it at the end of each input or command. */
  void flush();

  /**
   * Whether the transport takes more data now. While false the session holds stream data in its
   * bounded per-stream queues (control frames still go out); call {@link
   * YamuxSession#transportWritable()} when it turns true again.
   */
  default boolean isWritable() {
    return true;
  }
}
