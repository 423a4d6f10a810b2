package io.basalt.networking.peers;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link PeerStore} in memory, bounded: at most {@code maxPeers} peers with addresses (further
 * peers are not recorded) and {@link #MAX_ADDRESSES_PER_PEER} addresses each (the newest kept).
 */
public final class InMemoryPeerStore implements PeerStore {

  public static final int MAX_ADDRESSES_PER_PEER = 16;

  private final int maxPeers;
  private final Map<PeerId, Set<Multiaddr>> addresses = new ConcurrentHashMap<>();
  private final Map<PeerId, BanRecord> bans = new ConcurrentHashMap<>();

  public InMemoryPeerStore(int maxPeers) {
    this.maxPeers = maxPeers;
  }

  public InMemoryPeerStore() {
    this(10_000);
  }

  @Override
  public void addAddresses(PeerId peer, Collection<Multiaddr> added) {
    if (!addresses.containsKey(peer) && addresses.size() >= maxPeers) {
      return;
    }
    addresses.compute(
        peer,
        (p, known) -> {
          Set<Multiaddr> updated =
              known == null ? new LinkedHashSet<>() : new LinkedHashSet<>(known);
          for (Multiaddr address : added) {
            updated.remove(address);
            updated.add(address.withoutPeerId());
          }
          while (updated.size() > MAX_ADDRESSES_PER_PEER) {
            updated.remove(updated.iterator().next());
          }
          return Set.copyOf(updated);
        });
  }

  @Override
  public Set<Multiaddr> addresses(PeerId peer) {
    return addresses.getOrDefault(peer, Set.of());
  }

  @Override
  public Set<PeerId> knownPeers() {
    return Set.copyOf(addresses.keySet());
  }

  @Override
  public void removePeer(PeerId peer) {
    addresses.remove(peer);
  }

  @Override
  public void ban(PeerId peer, BanRecord ban) {
    if (bans.size() >= maxPeers) {
      bans.values().removeIf(b -> !b.isActive(java.time.Instant.now()));
    }
    bans.put(peer, ban);
  }

  @Override
  public void unban(PeerId peer) {
    bans.remove(peer);
  }

  @Override
  public Optional<BanRecord> ban(PeerId peer) {
    return Optional.ofNullable(bans.get(peer));
  }
}
