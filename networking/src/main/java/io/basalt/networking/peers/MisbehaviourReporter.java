package io.basalt.networking.peers;

import io.basalt.networking.identity.PeerId;

/**
 * Where protocols (gossip validation, req/resp) report peers that misbehave; the {@link
 * PeerManager} scores and eventually bans them. Thread-safe, non-blocking.
 */
@FunctionalInterface
public interface MisbehaviourReporter {

  MisbehaviourReporter NONE = (peer, misbehaviour, reason) -> {};

  void report(PeerId peer, Misbehaviour misbehaviour, String reason);
}
