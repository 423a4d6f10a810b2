package io.basalt.execution.trie;

import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.schema.BasaltSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Trie nodes in the {@link BasaltSchema#TRIE_NODES} column of a {@link KvStore}, with a bounded LRU
 * read cache. Caching by hash is always correct because a hash names exactly one node. Safe for
 * concurrent use.
 */
public final class KvNodeStore implements NodeStore {

  /** The default number of nodes kept in the read cache. */
  public static final int DEFAULT_CACHE_NODES = 100_000;

  private final KvStore store;
  private final Map<Bytes32, Bytes> cache;

  public KvNodeStore(KvStore store) {
    this(store, DEFAULT_CACHE_NODES);
  }

  public KvNodeStore(KvStore store, int cacheNodes) {
    this.store = store;
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Bytes32, Bytes> eldest) {
            return size() > cacheNodes;
          }
        };
  }

  @Override
  public Optional<Bytes> get(Bytes32 hash) {
    synchronized (cache) {
      Bytes cached = cache.get(hash);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<Bytes> stored = store.get(BasaltSchema.TRIE_NODES, hash);
    stored.ifPresent(
        bytes -> {
          synchronized (cache) {
            cache.put(hash, bytes);
          }
        });
    return stored;
  }

  @Override
  public void putAll(Map<Bytes32, Bytes> nodes) {
    try (KvStoreTransaction tx = store.startTransaction()) {
      NodeSink sink = sink(tx);
      nodes.forEach(sink::put);
      tx.commit();
    }
  }

  /** A sink that adds nodes to {@code tx}; they become readable when the caller commits it. */
  public static NodeSink sink(KvStoreTransaction tx) {
    return (hash, encoded) -> tx.put(BasaltSchema.TRIE_NODES, hash, encoded);
  }
}
