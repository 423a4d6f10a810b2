package io.basalt.networking.gossip;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Shared mutable state of one router: peers, topics, mesh, fanout, backoff and caches. */
final class RouterState {

  static final class PeerState {
    final GossipProtocol protocol;
    final boolean outbound;
    final Set<String> topics = new HashSet<>();
    int ihaveThisHeartbeat;
    int idsAskedThisHeartbeat;

    PeerState(GossipProtocol protocol, boolean outbound) {
      this.protocol = protocol;
      this.outbound = outbound;
    }
  }

  /** Longest backoff we honour from a remote PRUNE (a uint64 could be anything). */
  private static final long MAX_BACKOFF_MILLIS = 24L * 3600 * 1000;

  final GossipParams params;
  final PeerScoreThresholds thresholds;
  final PeerScore score;
  final GossipClock clock;
  final RandomGenerator random;
  final GossipMetrics metrics = new GossipMetrics();
  final Map<GossipPeerId, PeerState> peers = new HashMap<>();
  final Map<String, Set<GossipPeerId>> topicPeers = new HashMap<>();
  final Map<String, Set<GossipPeerId>> mesh = new HashMap<>();
  final Map<String, Set<GossipPeerId>> fanout = new HashMap<>();
  final Map<String, Long> fanoutLastPublished = new HashMap<>();
  final Map<String, Map<GossipPeerId, Long>> backoff = new HashMap<>();
  final SeenCache seen;
  final MessageCache mcache;
  final GossipPromises promises;

  RouterState(
      GossipParams params,
      PeerScoreParams scoreParams,
      PeerScoreThresholds thresholds,
      GossipClock clock,
      RandomGenerator random) {
    this.params = params;
    this.thresholds = thresholds;
    this.clock = clock;
    this.random = random;
    this.score =
        new PeerScore(
            scoreParams, clock.nowMillis(), params.seenTtlMillis(), params.maxSeenMessages());
    this.seen = new SeenCache(params.seenTtlMillis(), params.maxSeenMessages());
    this.mcache =
        new MessageCache(
            params.historyLength(), params.historyGossip(), params.maxCachedMessages());
    this.promises = new GossipPromises(params.iwantFollowupMillis(), params.maxPromises());
  }

  long now() {
    return clock.nowMillis();
  }

  double score(GossipPeerId peer) {
    return score.score(peer, now());
  }

  boolean isOutbound(GossipPeerId peer) {
    PeerState state = peers.get(peer);
    return state != null && state.outbound;
  }

  Set<GossipPeerId> peersOf(String topic) {
    return topicPeers.getOrDefault(topic, Set.of());
  }

  /**
   * Whether we must not graft {@code peer} into {@code topic}: its backoff, plus one heartbeat of
   * slack so that we never graft a peer whose own backoff has not quite ended.
   */
  boolean backedOff(String topic, GossipPeerId peer) {
    Long until = backoff.getOrDefault(topic, Map.of()).get(peer);
    return until != null && until + params.backoffSlackMillis() > now();
  }

  /** The exact end of the backoff (no slack): a GRAFT before it is a protocol violation. */
  Optional<Long> backoffExpiry(String topic, GossipPeerId peer) {
    return Optional.ofNullable(backoff.getOrDefault(topic, Map.of()).get(peer));
  }

  /** Starts or extends a backoff; {@code millis} is clamped to a day. */
  void addBackoff(String topic, GossipPeerId peer, long millis) {
    long until = now() + Math.min(Math.max(millis, 0), MAX_BACKOFF_MILLIS);
    backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, until, Math::max);
  }

  void expireBackoff() {
    long now = now();
    long slack = params.backoffSlackMillis();
    Iterator<Map<GossipPeerId, Long>> it = backoff.values().iterator();
    while (it.hasNext()) {
      Map<GossipPeerId, Long> byPeer = it.next();
      byPeer.values().removeIf(until -> until + slack <= now);
      if (byPeer.isEmpty()) {
        it.remove();
      }
    }
  }

  <T> List<T> shuffled(Collection<T> items) {
    List<T> list = new ArrayList<>(items);
    Collections.shuffle(list, random);
    return list;
  }

  /**
   * Builds a PRUNE for {@code peer} and starts our own backoff towards it. v1.0 peers get a bare
   * PRUNE; v1.1 peers get the backoff and, if {@code px}, up to {@code prunePeers} other topic
   * peers with a non-negative score.
   */
  Rpc.Prune prune(GossipPeerId peer, String topic, boolean px, long backoffMillis) {
    addBackoff(topic, peer, backoffMillis);
    return pruneMessage(peer, topic, px, backoffMillis);
  }

  /** The PRUNE alone, without recording a backoff (for topics we do not track). */
  Rpc.Prune pruneMessage(GossipPeerId peer, String topic, boolean px, long backoffMillis) {
    PeerState state = peers.get(peer);
    if (state == null || !state.protocol.supportsPeerExchange()) {
      return new Rpc.Prune(topic, List.of(), Optional.empty());
    }
    List<Rpc.PeerInfo> exchange = new ArrayList<>();
    if (px) {
      for (GossipPeerId other : shuffled(peersOf(topic))) {
        if (exchange.size() == params.prunePeers()) {
          break;
        }
        if (!other.equals(peer) && score(other) >= 0) {
          exchange.add(new Rpc.PeerInfo(Optional.of(other.bytes()), Optional.empty()));
        }
      }
    }
    return new Rpc.Prune(topic, exchange, Optional.of(backoffMillis / 1000));
  }
}
