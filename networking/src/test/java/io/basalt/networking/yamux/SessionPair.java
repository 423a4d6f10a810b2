package io.basalt.networking.yamux;

/** A client and a server session joined back-to-back in memory. */
final class SessionPair implements AutoCloseable {
  final Peer client;
  final Peer server;

  SessionPair(YamuxConfig config) {
    this(config, config);
  }

  SessionPair(YamuxConfig clientConfig, YamuxConfig serverConfig) {
    client = Peer.client(clientConfig);
    server = Peer.server(serverConfig);
  }

  /** Moves frames both ways until neither side has anything left to send. */
  void pump() {
    boolean moved = true;
    while (moved) {
      moved = client.sendTo(server) | server.sendTo(client);
    }
  }

  @Override
  public void close() {
    client.releaseAll();
    server.releaseAll();
  }
}
