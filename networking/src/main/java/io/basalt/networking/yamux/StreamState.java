package io.basalt.networking.yamux;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * One stream's flow-control and close state inside a {@link YamuxSession}. Not thread-safe.
 *
 * <p>Receive side: {@code recvCapacity} is what the peer may still send; bytes delivered but not
 * yet consumed plus {@code unacked} (consumed, not yet announced) make up the rest of {@code
 * recvWindow}. Send side: {@code sendWindow} is what the peer allows; data beyond it waits in
 * {@code queue}, at most {@code maxQueueBytes}.
 */
final class StreamState {
  final int id;
  final boolean inbound;
  final long recvWindow;
  long recvCapacity;
  long unacked;
  long sendWindow = YamuxConfig.INITIAL_WINDOW;
  final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  long queuedBytes;
  boolean writable = true;
  boolean finQueued;
  boolean finSent;
  boolean remoteFin;

  StreamState(int id, boolean inbound, long recvWindow) {
    this.id = id;
    this.inbound = inbound;
    this.recvWindow = recvWindow;
    this.recvCapacity = recvWindow;
  }

  /** Bytes delivered to the listener and not yet reported consumed. */
  long undelivered() {
    return recvWindow - recvCapacity - unacked;
  }

  void releaseQueue() {
    ByteBuf buf;
    while ((buf = queue.poll()) != null) {
      buf.release();
    }
    queuedBytes = 0;
  }

  boolean fullyClosed() {
    return finSent && remoteFin;
  }
}
