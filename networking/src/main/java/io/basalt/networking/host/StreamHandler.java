package io.basalt.networking.host;

/**
 * Serves one protocol id: called for each inbound stream the peer opened and negotiated to that
 * protocol. Runs on the connection's I/O thread and must not block; set a {@link StreamReader} on
 * the stream (data waits, bounded by the muxer window, until one is set).
 */
@FunctionalInterface
public interface StreamHandler {
  void onStream(Stream stream);
}
