package io.basalt.networking.yamux;

/**
 * Session limits. Defaults follow the spec and {@code @chainsafe/libp2p-yamux}.
 *
 * @param receiveWindow bytes each stream may receive before it acknowledges consumption; at least
 *     the spec's 256 KiB, and any excess is granted to the peer with the SYN or ACK window update
 *     (as js-libp2p does when configured with a larger window). It also bounds the inbound bytes
 *     buffered per stream and the longest data frame accepted.
 * @param maxFramePayload longest data payload this side sends in one frame, so that one stream
 *     cannot hog the connection
 * @param maxInboundStreams concurrent streams the peer may open; extra SYNs are answered with RST
 * @param maxOutboundStreams concurrent streams this side may open
 * @param maxSendQueueBytes bytes a stream may queue beyond the peer's window before writes are
 *     refused; a stream is writable while less than half of this is queued
 */
public record YamuxConfig(
    int receiveWindow,
    int maxFramePayload,
    int maxInboundStreams,
    int maxOutboundStreams,
    int maxSendQueueBytes) {
  /** The spec's initial stream window, 256 KiB: what each side may send before any update. */
  public static final int INITIAL_WINDOW = 256 * 1024;

  /** The defaults: 256 KiB windows, 64 KiB frames, 1000 streams each way, 1 MiB send queues. */
  public static final YamuxConfig DEFAULT =
      new YamuxConfig(INITIAL_WINDOW, 64 * 1024, 1000, 1000, 1024 * 1024);

  /** Validates the ranges. */
  public YamuxConfig {
    if (receiveWindow < INITIAL_WINDOW) {
      throw new IllegalArgumentException("receiveWindow below 256 KiB: " + receiveWindow);
    }
    if (maxFramePayload < 1024) {
      throw new IllegalArgumentException("maxFramePayload below 1 KiB: " + maxFramePayload);
    }
    if (maxInboundStreams < 0 || maxOutboundStreams < 0) {
      throw new IllegalArgumentException("stream limits must not be negative");
    }
    if (maxSendQueueBytes < 2) {
      throw new IllegalArgumentException("maxSendQueueBytes too small: " + maxSendQueueBytes);
    }
  }

  /** This config with another receive window. */
  public YamuxConfig withReceiveWindow(int window) {
    return new YamuxConfig(
        window, maxFramePayload, maxInboundStreams, maxOutboundStreams, maxSendQueueBytes);
  }

  /** This config with other stream limits. */
  public YamuxConfig withStreamLimits(int inbound, int outbound) {
    return new YamuxConfig(receiveWindow, maxFramePayload, inbound, outbound, maxSendQueueBytes);
  }

  /** This config with another send queue bound. */
  public YamuxConfig withMaxSendQueueBytes(int bytes) {
    return new YamuxConfig(
        receiveWindow, maxFramePayload, maxInboundStreams, maxOutboundStreams, bytes);
  }
}
