/**
 * The yamux stream multiplexer ({@code /yamux/1.0.0}, hashicorp/yamux {@code spec.md}).
 *
 * <p>{@link io.basalt.networking.yamux.YamuxSession} is a transport-independent state machine:
 * bytes in through {@code receive}, events out through {@link
 * io.basalt.networking.yamux.YamuxListener}, commands ({@code openStream}, {@code write}, {@code
 * close}, {@code reset}, {@code ping}, {@code goAway}) produce frames on a {@link
 * io.basalt.networking.yamux.FrameSink}. The Netty adapter lives in {@code
 * io.basalt.networking.yamux.netty}.
 */
package io.basalt.networking.yamux;
