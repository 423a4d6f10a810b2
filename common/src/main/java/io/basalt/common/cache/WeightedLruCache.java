package io.basalt.common.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * A least-recently-used cache bounded both by its number of entries and by the total weight of its
 * values (e.g. the transactions in cached blocks), so a few heavy entries cannot fill the heap. The
 * most recent entry is always kept, even when it alone outweighs the bound. Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class WeightedLruCache<K, V> {

  private final int maxEntries;
  private final long maxWeight;
  private final ToIntFunction<V> weigher;
  private final LinkedHashMap<K, V> entries = new LinkedHashMap<>(16, 0.75f, true);
  private long weight;

  /**
   * @param maxEntries the most entries held
   * @param maxWeight the most total weight held
   * @param weigher the weight of a value: non-negative, and the same each time it is asked
   * @throws IllegalArgumentException if a bound is not positive
   */
  public WeightedLruCache(int maxEntries, long maxWeight, ToIntFunction<V> weigher) {
    if (maxEntries <= 0 || maxWeight <= 0) {
      throw new IllegalArgumentException(
          "Cache bounds must be positive, got " + maxEntries + " entries, weight " + maxWeight);
    }
    this.maxEntries = maxEntries;
    this.maxWeight = maxWeight;
    this.weigher = Objects.requireNonNull(weigher, "weigher");
  }

  /** The value cached for {@code key}, which becomes the most recently used. */
  public synchronized Optional<V> get(K key) {
    return Optional.ofNullable(entries.get(key));
  }

  /** Caches {@code value}, then evicts the least recently used entries past either bound. */
  public synchronized void put(K key, V value) {
    Objects.requireNonNull(value, "value");
    V replaced = entries.put(key, value);
    weight += weigh(value) - (replaced == null ? 0 : weigh(replaced));
    Iterator<V> eldest = entries.values().iterator();
    while (entries.size() > 1 && (entries.size() > maxEntries || weight > maxWeight)) {
      weight -= weigh(eldest.next());
      eldest.remove();
    }
  }

  /** Drops {@code key}'s entry, if cached. */
  public synchronized void remove(K key) {
    V removed = entries.remove(key);
    if (removed != null) {
      weight -= weigh(removed);
    }
  }

  /** Drops every entry. */
  public synchronized void clear() {
    entries.clear();
    weight = 0;
  }

  /** The number of entries cached. */
  public synchronized int size() {
    return entries.size();
  }

  /** The total weight of the cached values. */
  public synchronized long weight() {
    return weight;
  }

  private int weigh(V value) {
    int w = weigher.applyAsInt(value);
    if (w < 0) {
      throw new IllegalArgumentException("Negative weight " + w);
    }
    return w;
  }

  @Override
  public synchronized String toString() {
    return "WeightedLruCache[" + entries.size() + " entries, weight " + weight + "]";
  }

  /** For tests: the keys from least to most recently used. */
  synchronized List<K> keysEldestFirst() {
    return List.copyOf(entries.keySet());
  }
}
