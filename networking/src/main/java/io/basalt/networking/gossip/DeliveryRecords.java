package io.basalt.networking.gossip;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the scorer remembers of recent messages: validation status, when it was first seen and
 * validated, and which peers delivered it. Insertion-ordered so expiry walks the oldest first;
 * capped so a flood cannot grow it.
 */
final class DeliveryRecords {

  enum Status {
    PENDING,
    VALID,
    INVALID,
    IGNORED
  }

  static final class Record {
    Status status = Status.PENDING;
    final long firstSeen;
    long validated;
    final Set<GossipPeerId> peers = new HashSet<>();

    Record(long firstSeen) {
      this.firstSeen = firstSeen;
    }
  }

  private final Map<MessageId, Record> records = new LinkedHashMap<>();
  private final long ttlMillis;
  private final int capacity;

  DeliveryRecords(long ttlMillis, int capacity) {
    this.ttlMillis = ttlMillis;
    this.capacity = capacity;
  }

  Record getOrCreate(MessageId id, long now) {
    Record record = records.get(id);
    if (record == null) {
      if (records.size() >= capacity) {
        Iterator<Record> oldest = records.values().iterator();
        oldest.next();
        oldest.remove();
      }
      record = new Record(now);
      records.put(id, record);
    }
    return record;
  }

  void expire(long now) {
    Iterator<Record> it = records.values().iterator();
    while (it.hasNext() && it.next().firstSeen + ttlMillis <= now) {
      it.remove();
    }
  }

  int size() {
    return records.size();
  }
}
