package io.basalt.networking.host;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;

/**
 * Decides whether a connection may proceed once the peer's identity is known (after Noise, before
 * the muxer). The peer manager uses it to keep banned peers out and to bound inbound peers.
 */
@FunctionalInterface
public interface ConnectionGate {

  ConnectionGate ALLOW_ALL = (peer, address, direction) -> true;

  boolean allow(PeerId peer, Multiaddr remoteAddress, Direction direction);
}
