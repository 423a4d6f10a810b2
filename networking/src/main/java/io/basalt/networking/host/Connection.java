package io.basalt.networking.host;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A secured (Noise) and multiplexed (yamux) connection to one peer. Thread-safe.
 *
 * <p>{@link #openStream} opens a yamux stream and runs multistream-select on it, proposing the
 * given protocols in order; the future fails with a {@link HostException} when the peer supports
 * none ({@link HostException.Reason#NEGOTIATION_FAILED}), on timeout or when the connection closes.
 */
public interface Connection {

  PeerId remotePeer();

  /** The peer's transport address as we see it ({@code /ip4/…/tcp/…}, without {@code /p2p}). */
  Multiaddr remoteAddress();

  /** Our transport address of this connection. */
  Multiaddr localAddress();

  Direction direction();

  CompletableFuture<Stream> openStream(List<String> protocols);

  default CompletableFuture<Stream> openStream(String protocol) {
    return openStream(List.of(protocol));
  }

  boolean isOpen();

  /** Closes the connection (every stream is reset); the future completes once it is closed. */
  CompletableFuture<Void> close();

  /** Completes when the connection has closed, for whatever reason. */
  CompletableFuture<Void> closeFuture();
}
