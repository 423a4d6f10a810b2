package io.basalt.networking.gossip;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gossipsub message cache ({@code mcache}): validated messages of the last {@code
 * historyLength} heartbeats, of which the newest {@code gossipWindows} are advertised in IHAVE.
 * Also counts IWANT requests per peer and message, to cap retransmissions. Capped in total count.
 */
final class MessageCache {

  private record Entry(MessageId id, String topic) {}

  private static final class Cached {
    final PubMessage message;
    final Map<GossipPeerId, Integer> iwantCounts = new HashMap<>();

    Cached(PubMessage message) {
      this.message = message;
    }
  }

  private final int gossipWindows;
  private final int capacity;
  private final ArrayDeque<List<Entry>> windows = new ArrayDeque<>(); // newest first
  private final Map<MessageId, Cached> messages = new LinkedHashMap<>();

  MessageCache(int historyLength, int gossipWindows, int capacity) {
    if (gossipWindows > historyLength || historyLength < 1) {
      throw new IllegalArgumentException("gossip windows must be within 1..history length");
    }
    this.gossipWindows = gossipWindows;
    this.capacity = capacity;
    for (int i = 0; i < historyLength; i++) {
      windows.addLast(new ArrayList<>());
    }
  }

  void put(MessageId id, PubMessage message) {
    if (messages.containsKey(id)) {
      return;
    }
    if (messages.size() >= capacity) {
      // the oldest message is first in insertion order; its window entry is dropped on shift
      messages.remove(messages.keySet().iterator().next());
    }
    messages.put(id, new Cached(message));
    windows.peekFirst().add(new Entry(id, message.topic()));
  }

  Optional<PubMessage> get(MessageId id) {
    Cached cached = messages.get(id);
    return cached == null ? Optional.empty() : Optional.of(cached.message);
  }

  /** The message for an IWANT of {@code peer}, with how often that peer has now asked for it. */
  Optional<Map.Entry<PubMessage, Integer>> getForPeer(MessageId id, GossipPeerId peer) {
    Cached cached = messages.get(id);
    if (cached == null) {
      return Optional.empty();
    }
    int count = cached.iwantCounts.merge(peer, 1, Integer::sum);
    return Optional.of(Map.entry(cached.message, count));
  }

  /** Ids of the topic's messages in the gossip windows, newest first. */
  List<MessageId> gossipIds(String topic) {
    List<MessageId> ids = new ArrayList<>();
    int i = 0;
    for (List<Entry> window : windows) {
      if (i++ == gossipWindows) {
        break;
      }
      for (Entry e : window) {
        if (e.topic().equals(topic) && messages.containsKey(e.id())) {
          ids.add(e.id());
        }
      }
    }
    return ids;
  }

  /** Moves every window one heartbeat older, dropping the oldest. */
  void shift() {
    for (Entry e : windows.removeLast()) {
      messages.remove(e.id());
    }
    windows.addFirst(new ArrayList<>());
  }

  int size() {
    return messages.size();
  }
}
