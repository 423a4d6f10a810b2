package io.basalt.networking.gossip;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * IWANT promises: when we ask a peer for messages it advertised, we expect one of them (chosen at
 * random) within the follow-up time; a peer that does not deliver it gets a P7 behaviour penalty.
 * Capped in total entries.
 */
final class GossipPromises {
  private final Map<MessageId, Map<GossipPeerId, Long>> promises = new LinkedHashMap<>();
  private final long followupMillis;
  private final int capacity;
  private int size;

  GossipPromises(long followupMillis, int capacity) {
    this.followupMillis = followupMillis;
    this.capacity = capacity;
  }

  void add(GossipPeerId peer, List<MessageId> ids, long now, RandomGenerator random) {
    if (ids.isEmpty() || size >= capacity) {
      return;
    }
    MessageId id = ids.get(random.nextInt(ids.size()));
    if (promises.computeIfAbsent(id, k -> new HashMap<>()).putIfAbsent(peer, now + followupMillis)
        == null) {
      size++;
    }
  }

  /** The message arrived (from anyone, valid or not): promises about it are kept. */
  void fulfill(MessageId id) {
    Map<GossipPeerId, Long> byPeer = promises.remove(id);
    if (byPeer != null) {
      size -= byPeer.size();
    }
  }

  /** Removes expired promises and returns how many each peer broke. */
  Map<GossipPeerId, Integer> collectBroken(long now) {
    Map<GossipPeerId, Integer> broken = new HashMap<>();
    Iterator<Map<GossipPeerId, Long>> it = promises.values().iterator();
    while (it.hasNext()) {
      Map<GossipPeerId, Long> byPeer = it.next();
      Iterator<Map.Entry<GossipPeerId, Long>> peers = byPeer.entrySet().iterator();
      while (peers.hasNext()) {
        Map.Entry<GossipPeerId, Long> e = peers.next();
        if (e.getValue() <= now) {
          broken.merge(e.getKey(), 1, Integer::sum);
          peers.remove();
          size--;
        }
      }
      if (byPeer.isEmpty()) {
        it.remove();
      }
    }
    return broken;
  }

  int size() {
    return size;
  }
}
