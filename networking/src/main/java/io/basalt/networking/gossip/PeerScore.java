package io.basalt.networking.gossip;

import io.basalt.networking.gossip.DeliveryRecords.Record;
import io.basalt.networking.gossip.DeliveryRecords.Status;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gossipsub v1.1 peer scoring (P1–P7) with injected time. Not thread-safe: owned by the router.
 *
 * <p>Counters decay once per {@link PeerScoreParams#decayIntervalMillis()} when {@link
 * #refresh(long)} is called (every heartbeat). Disconnected peers with a non-positive score are
 * remembered for {@link PeerScoreParams#retainScoreMillis()} so reconnecting does not reset a
 * penalty.
 */
public final class PeerScore {

  private static final class TopicStats {
    boolean inMesh;
    long graftTime;
    boolean meshDeliveriesActive;
    double firstMessageDeliveries;
    double meshMessageDeliveries;
    double meshFailurePenalty;
    double invalidMessageDeliveries;
  }

  private static final class PeerStats {
    boolean connected = true;
    long expireAt;
    Optional<String> ip = Optional.empty();
    double behaviourPenalty;
    final Map<String, TopicStats> topics = new HashMap<>();
  }

  private final PeerScoreParams params;
  private final Map<GossipPeerId, PeerStats> peers = new HashMap<>();
  private final Map<String, Set<GossipPeerId>> peersByIp = new HashMap<>();
  private final DeliveryRecords deliveries;
  private long lastDecay;

  public PeerScore(PeerScoreParams params, long now, long recordTtlMillis, int maxRecords) {
    this.params = params;
    this.deliveries = new DeliveryRecords(recordTtlMillis, maxRecords);
    this.lastDecay = now;
  }

  void addPeer(GossipPeerId peer, Optional<String> ip) {
    PeerStats stats = peers.computeIfAbsent(peer, p -> new PeerStats());
    stats.connected = true;
    stats.ip.ifPresent(old -> removeIp(peer, old));
    stats.ip = ip;
    ip.ifPresent(a -> peersByIp.computeIfAbsent(a, k -> new HashSet<>()).add(peer));
  }

  void removePeer(GossipPeerId peer, long now) {
    PeerStats stats = peers.get(peer);
    if (stats == null) {
      return;
    }
    stats.ip.ifPresent(a -> removeIp(peer, a));
    if (score(peer, now) > 0) {
      peers.remove(peer); // nothing to remember: positive scores are not kept across reconnects
      return;
    }
    for (Map.Entry<String, TopicStats> e : stats.topics.entrySet()) {
      TopicStats t = e.getValue();
      t.firstMessageDeliveries = 0; // spec: forget the positive counters
      if (t.inMesh) {
        applyMeshFailure(e.getKey(), t);
      }
      t.inMesh = false;
    }
    stats.connected = false;
    stats.expireAt = now + params.retainScoreMillis();
  }

  private void removeIp(GossipPeerId peer, String ip) {
    Set<GossipPeerId> set = peersByIp.get(ip);
    if (set != null && set.remove(peer) && set.isEmpty()) {
      peersByIp.remove(ip);
    }
  }

  void graft(GossipPeerId peer, String topic, long now) {
    TopicStats t = topicStats(peer, topic);
    if (t != null) {
      t.inMesh = true;
      t.graftTime = now;
      t.meshDeliveriesActive = false;
    }
  }

  void prune(GossipPeerId peer, String topic) {
    TopicStats t = topicStats(peer, topic);
    if (t != null && t.inMesh) {
      applyMeshFailure(topic, t);
      t.inMesh = false;
    }
  }

  /** P3b: a peer leaving the mesh with a delivery deficit keeps it as a sticky penalty. */
  private void applyMeshFailure(String topic, TopicStats t) {
    TopicScoreParams tp = params.topics().get(topic);
    if (t.meshDeliveriesActive && t.meshMessageDeliveries < tp.meshMessageDeliveriesThreshold()) {
      double deficit = tp.meshMessageDeliveriesThreshold() - t.meshMessageDeliveries;
      t.meshFailurePenalty += deficit * deficit;
    }
  }

  /** Behaviour penalty (P7): broken IWANT promises, GRAFT during backoff. */
  public void addPenalty(GossipPeerId peer, int count) {
    PeerStats stats = peers.get(peer);
    if (stats != null) {
      stats.behaviourPenalty += count;
    }
  }

  /** First receipt of a message, before validation. */
  void messageReceived(GossipPeerId from, MessageId id, long now) {
    deliveries.getOrCreate(id, now).peers.add(from);
  }

  /** The message was accepted: credit the first deliverer and mesh peers that raced it. */
  void messageAccepted(GossipPeerId from, MessageId id, String topic, long now) {
    Record record = deliveries.getOrCreate(id, now);
    record.status = Status.VALID;
    record.validated = now;
    TopicStats first = topicStats(from, topic);
    if (first != null) {
      TopicScoreParams tp = params.topics().get(topic);
      first.firstMessageDeliveries =
          Math.min(tp.firstMessageDeliveriesCap(), first.firstMessageDeliveries + 1);
    }
    for (GossipPeerId peer : record.peers) {
      markMeshDelivery(peer, topic);
    }
  }

  /** The message was rejected by validation: P4 for every peer that delivered it. */
  void messageRejected(MessageId id, String topic, long now) {
    Record record = deliveries.getOrCreate(id, now);
    record.status = Status.INVALID;
    for (GossipPeerId peer : record.peers) {
      markInvalid(peer, topic);
    }
  }

  void messageIgnored(MessageId id, long now) {
    deliveries.getOrCreate(id, now).status = Status.IGNORED;
  }

  /** A message invalid before validation (e.g. carrying author fields under StrictNoSign). */
  void invalidMessage(GossipPeerId from, String topic) {
    markInvalid(from, topic);
  }

  /** A duplicate of an already-seen message arrived from {@code from}. */
  void duplicateMessage(GossipPeerId from, MessageId id, String topic, long now) {
    Record record = deliveries.getOrCreate(id, now);
    if (!record.peers.add(from)) {
      return;
    }
    switch (record.status) {
      case VALID -> {
        // P3 counts near-simultaneous deliveries by mesh peers, not late copies
        TopicScoreParams tp = params.topics().get(topic);
        if (tp != null && now - record.validated <= tp.meshMessageDeliveriesWindowMillis()) {
          markMeshDelivery(from, topic);
        }
      }
      case INVALID -> markInvalid(from, topic);
      default -> {} // pending: settled when validation completes; ignored: no effect
    }
  }

  private void markMeshDelivery(GossipPeerId peer, String topic) {
    TopicStats t = topicStats(peer, topic);
    if (t != null && t.inMesh) {
      TopicScoreParams tp = params.topics().get(topic);
      t.meshMessageDeliveries =
          Math.min(tp.meshMessageDeliveriesCap(), t.meshMessageDeliveries + 1);
    }
  }

  private void markInvalid(GossipPeerId peer, String topic) {
    TopicStats t = topicStats(peer, topic);
    if (t != null) {
      t.invalidMessageDeliveries += 1;
    }
  }

  private TopicStats topicStats(GossipPeerId peer, String topic) {
    PeerStats stats = peers.get(peer);
    if (stats == null || !params.topics().containsKey(topic)) {
      return null;
    }
    return stats.topics.computeIfAbsent(topic, k -> new TopicStats());
  }

  /** The peer's current score; 0 for unknown peers. */
  public double score(GossipPeerId peer, long now) {
    PeerStats stats = peers.get(peer);
    if (stats == null) {
      return 0;
    }
    double topicsScore = 0;
    for (Map.Entry<String, TopicStats> e : stats.topics.entrySet()) {
      TopicScoreParams tp = params.topics().get(e.getKey());
      topicsScore += tp.topicWeight() * topicScore(tp, e.getValue(), now);
    }
    if (params.topicScoreCap() > 0) {
      topicsScore = Math.min(topicsScore, params.topicScoreCap());
    }
    double score = topicsScore;
    if (params.appSpecificWeight() != 0) {
      score += params.appSpecificWeight() * params.appSpecificScore().applyAsDouble(peer);
    }
    if (stats.ip.isPresent() && params.ipColocationFactorWeight() != 0) {
      int count = peersByIp.getOrDefault(stats.ip.get(), Set.of()).size();
      if (count > params.ipColocationFactorThreshold()) {
        double surplus = count - params.ipColocationFactorThreshold();
        score += params.ipColocationFactorWeight() * surplus * surplus;
      }
    }
    if (stats.behaviourPenalty > params.behaviourPenaltyThreshold()) {
      double excess = stats.behaviourPenalty - params.behaviourPenaltyThreshold();
      score += params.behaviourPenaltyWeight() * excess * excess;
    }
    return score;
  }

  private static double topicScore(TopicScoreParams tp, TopicStats t, long now) {
    double score = 0;
    if (t.inMesh) { // P1
      double quanta = (double) (now - t.graftTime) / tp.timeInMeshQuantumMillis();
      score += tp.timeInMeshWeight() * Math.min(quanta, tp.timeInMeshCap());
    }
    score += tp.firstMessageDeliveriesWeight() * t.firstMessageDeliveries; // P2
    if (t.inMesh
        && t.meshDeliveriesActive
        && t.meshMessageDeliveries < tp.meshMessageDeliveriesThreshold()) { // P3
      double deficit = tp.meshMessageDeliveriesThreshold() - t.meshMessageDeliveries;
      score += tp.meshMessageDeliveriesWeight() * deficit * deficit;
    }
    score += tp.meshFailurePenaltyWeight() * t.meshFailurePenalty; // P3b
    score +=
        tp.invalidMessageDeliveriesWeight()
            * t.invalidMessageDeliveries
            * t.invalidMessageDeliveries; // P4
    return score;
  }

  /**
   * Heartbeat upkeep: activates P3 for peers long enough in the mesh, decays counters once per
   * decay interval, forgets expired disconnected peers and old delivery records.
   */
  void refresh(long now) {
    boolean decay = now - lastDecay >= params.decayIntervalMillis();
    if (decay) {
      lastDecay = now;
    }
    Iterator<PeerStats> it = peers.values().iterator();
    while (it.hasNext()) {
      PeerStats stats = it.next();
      if (!stats.connected && stats.expireAt <= now) {
        it.remove();
        continue;
      }
      for (Map.Entry<String, TopicStats> e : stats.topics.entrySet()) {
        TopicScoreParams tp = params.topics().get(e.getKey());
        TopicStats t = e.getValue();
        if (t.inMesh && now - t.graftTime >= tp.meshMessageDeliveriesActivationMillis()) {
          t.meshDeliveriesActive = true;
        }
        if (decay) {
          t.firstMessageDeliveries =
              decayed(t.firstMessageDeliveries, tp.firstMessageDeliveriesDecay());
          t.meshMessageDeliveries =
              decayed(t.meshMessageDeliveries, tp.meshMessageDeliveriesDecay());
          t.meshFailurePenalty = decayed(t.meshFailurePenalty, tp.meshFailurePenaltyDecay());
          t.invalidMessageDeliveries =
              decayed(t.invalidMessageDeliveries, tp.invalidMessageDeliveriesDecay());
        }
      }
      if (decay) {
        stats.behaviourPenalty = decayed(stats.behaviourPenalty, params.behaviourPenaltyDecay());
      }
    }
    deliveries.expire(now);
  }

  private double decayed(double value, double factor) {
    double next = value * factor;
    return next < params.decayToZero() ? 0 : next;
  }

  /** Number of peers (connected or retained) with score state; for bounds checks. */
  int trackedPeers() {
    return peers.size();
  }

  int trackedDeliveries() {
    return deliveries.size();
  }
}
