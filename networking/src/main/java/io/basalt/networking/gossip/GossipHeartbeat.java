package io.basalt.networking.gossip;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The periodic heartbeat: P7 for broken promises, score upkeep, mesh maintenance (graft below
 * D_low, prune above D_high keeping the best D_score and D_out outbound, opportunistic grafting),
 * fanout expiry and refill, IHAVE emission, and cache aging.
 */
final class GossipHeartbeat {
  private final RouterState s;
  private long ticks;

  GossipHeartbeat(RouterState state) {
    this.s = state;
  }

  void run(RpcBatch out) {
    ticks++;
    long now = s.now();
    for (Map.Entry<GossipPeerId, Integer> broken : s.promises.collectBroken(now).entrySet()) {
      s.score.addPenalty(broken.getKey(), broken.getValue());
      s.metrics.brokenPromises += broken.getValue();
    }
    s.score.refresh(now);
    Map<GossipPeerId, Double> scores = new HashMap<>();
    for (GossipPeerId peer : s.peers.keySet()) {
      scores.put(peer, s.score(peer));
    }
    Map<GossipPeerId, List<String>> toGraft = new HashMap<>();
    Map<GossipPeerId, List<String>> toPrune = new HashMap<>();
    Map<GossipPeerId, List<String>> toPruneNoPx = new HashMap<>();
    for (Map.Entry<String, Set<GossipPeerId>> e : s.mesh.entrySet()) {
      maintainMesh(e.getKey(), e.getValue(), scores, toGraft, toPrune, toPruneNoPx);
      emitGossip(e.getKey(), e.getValue(), scores, out);
    }
    maintainFanout(scores, out);
    for (Map.Entry<GossipPeerId, List<String>> e : toGraft.entrySet()) {
      for (String topic : e.getValue()) {
        s.score.graft(e.getKey(), topic, now);
        out.graft(e.getKey(), topic);
      }
    }
    sendPrunes(toPrune, true, out);
    sendPrunes(toPruneNoPx, false, out);
    s.mcache.shift();
    s.seen.expire(now);
    s.expireBackoff();
  }

  private void sendPrunes(Map<GossipPeerId, List<String>> prunes, boolean px, RpcBatch out) {
    for (Map.Entry<GossipPeerId, List<String>> e : prunes.entrySet()) {
      for (String topic : e.getValue()) {
        s.score.prune(e.getKey(), topic);
        out.prune(e.getKey(), s.prune(e.getKey(), topic, px, s.params.pruneBackoffMillis()));
      }
    }
  }

  private void maintainMesh(
      String topic,
      Set<GossipPeerId> mesh,
      Map<GossipPeerId, Double> scores,
      Map<GossipPeerId, List<String>> toGraft,
      Map<GossipPeerId, List<String>> toPrune,
      Map<GossipPeerId, List<String>> toPruneNoPx) {
    GossipParams p = s.params;
    // drop peers with a negative score, without PX
    for (Iterator<GossipPeerId> it = mesh.iterator(); it.hasNext(); ) {
      GossipPeerId peer = it.next();
      if (scores.getOrDefault(peer, 0.0) < 0) {
        it.remove();
        toPruneNoPx.computeIfAbsent(peer, k -> new ArrayList<>()).add(topic);
      }
    }
    Predicate<GossipPeerId> graftable =
        peer ->
            !mesh.contains(peer)
                && !s.backedOff(topic, peer)
                && scores.getOrDefault(peer, 0.0) >= 0;
    if (mesh.size() < p.dLow()) {
      graft(topic, mesh, pick(topic, graftable, p.d() - mesh.size()), toGraft);
    }
    if (mesh.size() > p.dHigh()) {
      for (GossipPeerId peer : selectSurplus(mesh, scores)) {
        mesh.remove(peer);
        toPrune.computeIfAbsent(peer, k -> new ArrayList<>()).add(topic);
      }
    }
    if (mesh.size() >= p.dLow() && p.dOut() > 0) {
      long outbound = mesh.stream().filter(s::isOutbound).count();
      if (outbound < p.dOut()) {
        int need = (int) (p.dOut() - outbound);
        graft(topic, mesh, pick(topic, graftable.and(s::isOutbound), need), toGraft);
      }
    }
    if (ticks % p.opportunisticGraftTicks() == 0 && mesh.size() > 1) {
      List<Double> meshScores =
          mesh.stream().map(peer -> scores.getOrDefault(peer, 0.0)).sorted().toList();
      double median = meshScores.get(meshScores.size() / 2);
      if (median < s.thresholds.opportunisticGraftThreshold()) {
        Predicate<GossipPeerId> better =
            graftable.and(peer -> scores.getOrDefault(peer, 0.0) > median);
        graft(topic, mesh, pick(topic, better, p.opportunisticGraftPeers()), toGraft);
      }
    }
  }

  private List<GossipPeerId> pick(String topic, Predicate<GossipPeerId> filter, int count) {
    List<GossipPeerId> picked = new ArrayList<>();
    for (GossipPeerId peer : s.shuffled(s.peersOf(topic))) {
      if (picked.size() == count) {
        break;
      }
      if (filter.test(peer)) {
        picked.add(peer);
      }
    }
    return picked;
  }

  private static void graft(
      String topic,
      Set<GossipPeerId> mesh,
      List<GossipPeerId> peers,
      Map<GossipPeerId, List<String>> toGraft) {
    for (GossipPeerId peer : peers) {
      mesh.add(peer);
      toGraft.computeIfAbsent(peer, k -> new ArrayList<>()).add(topic);
    }
  }

  /**
   * Chooses the peers to prune from an oversized mesh: keep the best D_score by score, then random
   * others up to D, with at least D_out outbound peers among those kept.
   */
  private List<GossipPeerId> selectSurplus(
      Set<GossipPeerId> mesh, Map<GossipPeerId, Double> scores) {
    GossipParams p = s.params;
    List<GossipPeerId> ranked = s.shuffled(mesh); // shuffle first so equal scores tie randomly
    ranked.sort(
        Comparator.comparingDouble((GossipPeerId peer) -> scores.getOrDefault(peer, 0.0))
            .reversed());
    List<GossipPeerId> keep = new ArrayList<>(ranked.subList(0, p.dScore()));
    List<GossipPeerId> rest = s.shuffled(ranked.subList(p.dScore(), ranked.size()));
    long outboundKept = keep.stream().filter(s::isOutbound).count();
    // outbound peers of the rest go first until D_out are kept
    List<GossipPeerId> ordered = new ArrayList<>();
    for (GossipPeerId peer : rest) {
      if (s.isOutbound(peer) && outboundKept < p.dOut()) {
        ordered.add(peer);
        outboundKept++;
      }
    }
    for (GossipPeerId peer : rest) {
      if (!ordered.contains(peer)) {
        ordered.add(peer);
      }
    }
    keep.addAll(ordered.subList(0, p.d() - keep.size()));
    Set<GossipPeerId> kept = new HashSet<>(keep);
    return mesh.stream().filter(peer -> !kept.contains(peer)).toList();
  }

  private void maintainFanout(Map<GossipPeerId, Double> scores, RpcBatch out) {
    long now = s.now();
    for (Iterator<Map.Entry<String, Long>> it = s.fanoutLastPublished.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Long> e = it.next();
      if (e.getValue() + s.params.fanoutTtlMillis() <= now) {
        s.fanout.remove(e.getKey());
        it.remove();
      }
    }
    for (Map.Entry<String, Set<GossipPeerId>> e : s.fanout.entrySet()) {
      String topic = e.getKey();
      Set<GossipPeerId> peers = e.getValue();
      Set<GossipPeerId> topicPeers = s.peersOf(topic);
      double publishThreshold = s.thresholds.publishThreshold();
      peers.removeIf(
          peer -> !topicPeers.contains(peer) || scores.getOrDefault(peer, 0.0) < publishThreshold);
      if (peers.size() < s.params.d()) {
        peers.addAll(
            pick(
                topic,
                peer -> !peers.contains(peer) && scores.getOrDefault(peer, 0.0) >= publishThreshold,
                s.params.d() - peers.size()));
      }
      emitGossip(topic, peers, scores, out);
    }
  }

  /** IHAVE of the topic's recent message ids to D_lazy (or gossipFactor) non-mesh peers. */
  private void emitGossip(
      String topic, Set<GossipPeerId> exclude, Map<GossipPeerId, Double> scores, RpcBatch out) {
    List<MessageId> ids = s.mcache.gossipIds(topic);
    if (ids.isEmpty()) {
      return;
    }
    List<GossipPeerId> candidates = new ArrayList<>();
    for (GossipPeerId peer : s.peersOf(topic)) {
      if (!exclude.contains(peer)
          && scores.getOrDefault(peer, 0.0) >= s.thresholds.gossipThreshold()) {
        candidates.add(peer);
      }
    }
    int target = Math.max(s.params.dLazy(), (int) (s.params.gossipFactor() * candidates.size()));
    for (GossipPeerId peer :
        s.shuffled(candidates).subList(0, Math.min(target, candidates.size()))) {
      List<MessageId> advertised = ids;
      if (ids.size() > s.params.maxIHaveLength()) {
        advertised = s.shuffled(ids).subList(0, s.params.maxIHaveLength());
      }
      out.ihave(peer, new Rpc.IHave(topic, advertised));
    }
  }
}
