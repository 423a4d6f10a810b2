package io.basalt.networking.gossip;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ids of messages already seen, each remembered for a TTL from first sight. Insertion-ordered, so
 * expiry and over-capacity eviction drop the oldest first.
 */
final class SeenCache {
  private final Map<MessageId, Long> firstSeen = new LinkedHashMap<>();
  private final long ttlMillis;
  private final int capacity;

  SeenCache(long ttlMillis, int capacity) {
    this.ttlMillis = ttlMillis;
    this.capacity = capacity;
  }

  /** Records the id; returns false if it was already seen (and not expired). */
  boolean add(MessageId id, long now) {
    if (firstSeen.containsKey(id)) {
      return false;
    }
    if (firstSeen.size() >= capacity) {
      expire(now);
      if (firstSeen.size() >= capacity) {
        Iterator<MessageId> oldest = firstSeen.keySet().iterator();
        oldest.next();
        oldest.remove();
      }
    }
    firstSeen.put(id, now);
    return true;
  }

  boolean contains(MessageId id) {
    return firstSeen.containsKey(id);
  }

  void expire(long now) {
    Iterator<Long> it = firstSeen.values().iterator();
    while (it.hasNext() && it.next() + ttlMillis <= now) {
      it.remove();
    }
  }

  int size() {
    return firstSeen.size();
  }
}
