package io.basalt.networking.peers;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * What the node remembers about peers: their dialable addresses and their bans. The in-memory
 * implementation serves tests and light use; the node provides a persistent one over its storage.
 * Implementations are thread-safe and bound what they keep.
 */
public interface PeerStore {

  /** Adds addresses (without {@code /p2p}) for {@code peer}. */
  void addAddresses(PeerId peer, Collection<Multiaddr> addresses);

  Set<Multiaddr> addresses(PeerId peer);

  /** Peers with at least one address. */
  Set<PeerId> knownPeers();

  void removePeer(PeerId peer);

  void ban(PeerId peer, BanRecord ban);

  void unban(PeerId peer);

  /** The peer's ban, if any (possibly expired; check {@link BanRecord#isActive}). */
  Optional<BanRecord> ban(PeerId peer);
}
