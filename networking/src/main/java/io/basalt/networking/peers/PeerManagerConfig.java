package io.basalt.networking.peers;

import io.basalt.networking.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;

/**
 * Peer management settings.
 *
 * @param bootnodes addresses with {@code /p2p/} dialled at start and redialled whenever
 *     disconnected
 * @param targetPeers the manager dials known peers while fewer are connected
 * @param maxPeers inbound connections beyond this many peers are refused
 * @param backoff redial delays after failed dials
 * @param heartbeat how often connections are checked and dials scheduled
 * @param banThreshold a peer whose score falls to this value is banned
 * @param banDuration how long a score ban lasts
 * @param scoreDecay score points recovered per heartbeat (towards 0)
 */
public record PeerManagerConfig(
    List<Multiaddr> bootnodes,
    int targetPeers,
    int maxPeers,
    Backoff backoff,
    Duration heartbeat,
    int banThreshold,
    Duration banDuration,
    int scoreDecay) {

  public PeerManagerConfig {
    bootnodes = List.copyOf(bootnodes);
    for (Multiaddr bootnode : bootnodes) {
      if (bootnode.peerId().isEmpty()) {
        throw new IllegalArgumentException("bootnode without /p2p: " + bootnode);
      }
    }
    if (targetPeers < 0 || maxPeers < targetPeers) {
      throw new IllegalArgumentException("need 0 <= targetPeers <= maxPeers");
    }
  }

  public static PeerManagerConfig defaults(List<Multiaddr> bootnodes) {
    return new PeerManagerConfig(
        bootnodes,
        25,
        50,
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)),
        Duration.ofSeconds(1),
        -100,
        Duration.ofHours(1),
        1);
  }

  public PeerManagerConfig withBackoff(Backoff newBackoff, Duration newHeartbeat) {
    return new PeerManagerConfig(
        bootnodes,
        targetPeers,
        maxPeers,
        newBackoff,
        newHeartbeat,
        banThreshold,
        banDuration,
        scoreDecay);
  }
}
