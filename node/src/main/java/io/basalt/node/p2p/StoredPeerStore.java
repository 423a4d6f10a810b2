package io.basalt.node.p2p;

import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.BanRecord;
import io.basalt.networking.peers.InMemoryPeerStore;
import io.basalt.networking.peers.PeerStore;
import io.basalt.storage.ColumnEntry;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.schema.BasaltSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's {@link PeerStore}: an {@link InMemoryPeerStore} (which also bounds what is kept) whose
 * every change is written through to the {@code PEER_STORE} column, one record per peer, and which
 * is loaded from that column when the node starts. A stored record that cannot be read is dropped
 * with a warning rather than failing start-up: peers are rediscovered. Thread-safe: changes to one
 * peer are serialized.
 */
public final class StoredPeerStore implements PeerStore {

  private static final Logger LOG = LoggerFactory.getLogger(StoredPeerStore.class);

  private final KvStore store;
  private final InMemoryPeerStore memory;

  private StoredPeerStore(KvStore store, InMemoryPeerStore memory) {
    this.store = store;
    this.memory = memory;
  }

  /** Loads the peers stored in {@code store}, keeping at most {@code maxPeers}. */
  public static StoredPeerStore load(KvStore store, int maxPeers) {
    StoredPeerStore peers = new StoredPeerStore(store, new InMemoryPeerStore(maxPeers));
    try (Stream<ColumnEntry<Bytes, Bytes>> entries = store.stream(BasaltSchema.PEER_STORE)) {
      entries.forEach(peers::restore);
    }
    return peers;
  }

  private void restore(ColumnEntry<Bytes, Bytes> entry) {
    try {
      PeerId peer = PeerId.fromBytes(entry.key().toArrayUnsafe());
      PeerRecord record = PeerRecord.decode(entry.value().toArrayUnsafe());
      if (!record.addresses().isEmpty()) {
        memory.addAddresses(peer, record.addresses());
      }
      record.ban().ifPresent(ban -> memory.ban(peer, ban));
    } catch (IllegalArgumentException | KeyFormatException e) {
      LOG.warn("Dropping an unreadable peer record {}: {}", entry.key(), e.getMessage());
      try (KvStoreTransaction tx = store.startTransaction()) {
        tx.delete(BasaltSchema.PEER_STORE, entry.key());
        tx.commit();
      }
    }
  }

  @Override
  public synchronized void addAddresses(PeerId peer, Collection<Multiaddr> addresses) {
    memory.addAddresses(peer, addresses);
    persist(peer);
  }

  @Override
  public Set<Multiaddr> addresses(PeerId peer) {
    return memory.addresses(peer);
  }

  @Override
  public Set<PeerId> knownPeers() {
    return memory.knownPeers();
  }

  @Override
  public synchronized void removePeer(PeerId peer) {
    memory.removePeer(peer);
    persist(peer);
  }

  @Override
  public synchronized void ban(PeerId peer, BanRecord ban) {
    memory.ban(peer, ban);
    persist(peer);
  }

  @Override
  public synchronized void unban(PeerId peer) {
    memory.unban(peer);
    persist(peer);
  }

  @Override
  public Optional<BanRecord> ban(PeerId peer) {
    return memory.ban(peer);
  }

  /** Writes what memory holds for {@code peer}, or deletes its record when nothing is left. */
  private void persist(PeerId peer) {
    PeerRecord record = new PeerRecord(new ArrayList<>(memory.addresses(peer)), memory.ban(peer));
    Bytes key = Bytes.wrap(peer.toBytes());
    try (KvStoreTransaction tx = store.startTransaction()) {
      if (record.isEmpty()) {
        tx.delete(BasaltSchema.PEER_STORE, key);
      } else {
        tx.put(BasaltSchema.PEER_STORE, key, Bytes.wrap(record.encode()));
      }
      tx.commit();
    }
  }
}
