/**
 * Netty adapter for yamux: {@link io.basalt.networking.yamux.netty.YamuxHandler} sits at the end of
 * a secured connection's pipeline and exposes each stream as a child {@link
 * io.basalt.networking.yamux.netty.YamuxStreamChannel} with its own pipeline (like Netty's HTTP/2
 * stream channels), on which multistream-select and a protocol handler run.
 */
package io.basalt.networking.yamux.netty;
