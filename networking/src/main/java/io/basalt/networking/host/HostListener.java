package io.basalt.networking.host;

import io.basalt.networking.host.identify.IdentifyInfo;

/**
 * Connection events of a {@link Host}. Called on I/O threads; must not block. Every method has an
 * empty default.
 */
public interface HostListener {

  /** A connection finished its upgrade (secured and multiplexed). */
  default void onConnected(Connection connection) {}

  /** A connection closed. */
  default void onDisconnected(Connection connection) {}

  /** Identify completed on a connection; {@code info} is also kept in {@link Host#peerInfo}. */
  default void onIdentified(Connection connection, IdentifyInfo info) {}
}
