package io.basalt.networking.gossip;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Handles the gossipsub control messages of an inbound RPC: IHAVE, IWANT, GRAFT and PRUNE. */
final class ControlHandler {
  private final RouterState s;
  private final PeerExchangeListener pxListener;

  ControlHandler(RouterState state, PeerExchangeListener pxListener) {
    this.s = state;
    this.pxListener = pxListener;
  }

  void handle(GossipPeerId from, Rpc.Control control, RpcBatch out) {
    handleIHave(from, control.ihave(), out);
    handleIWant(from, control.iwant(), out);
    handleGraft(from, control.graft(), out);
    handlePrune(from, control.prune());
  }

  /** Requests advertised messages we have not seen, within the per-heartbeat limits. */
  private void handleIHave(GossipPeerId from, List<Rpc.IHave> ihaves, RpcBatch out) {
    RouterState.PeerState peer = s.peers.get(from);
    if (ihaves.isEmpty() || s.score(from) < s.thresholds.gossipThreshold()) {
      return;
    }
    if (++peer.ihaveThisHeartbeat > s.params.maxIHaveMessages()
        || peer.idsAskedThisHeartbeat >= s.params.maxIHaveLength()) {
      return;
    }
    Set<MessageId> wanted = new LinkedHashSet<>();
    for (Rpc.IHave ihave : ihaves) {
      if (!s.mesh.containsKey(ihave.topic())) {
        continue; // gossip only matters for topics we are in
      }
      for (MessageId id : ihave.messageIds()) {
        if (!s.seen.contains(id)) {
          wanted.add(id);
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    int budget = s.params.maxIHaveLength() - peer.idsAskedThisHeartbeat;
    List<MessageId> ask = s.shuffled(wanted);
    if (ask.size() > budget) {
      ask = new ArrayList<>(ask.subList(0, budget));
    }
    peer.idsAskedThisHeartbeat += ask.size();
    s.promises.add(from, ask, s.now(), s.random);
    out.iwant(from, new Rpc.IWant(ask));
  }

  /** Serves requested messages from the cache, at most gossipRetransmission times per peer. */
  private void handleIWant(GossipPeerId from, List<Rpc.IWant> iwants, RpcBatch out) {
    if (iwants.isEmpty() || s.score(from) < s.thresholds.gossipThreshold()) {
      return;
    }
    for (Rpc.IWant iwant : iwants) {
      for (MessageId id : iwant.messageIds()) {
        s.mcache
            .getForPeer(id, from)
            .filter(e -> e.getValue() <= s.params.gossipRetransmission())
            .ifPresent(e -> out.message(from, e.getKey()));
      }
    }
  }

  private void handleGraft(GossipPeerId from, List<Rpc.Graft> grafts, RpcBatch out) {
    if (grafts.isEmpty()) {
      return;
    }
    double score = s.score(from);
    long now = s.now();
    for (Rpc.Graft graft : grafts) {
      String topic = graft.topic();
      Set<GossipPeerId> meshPeers = s.mesh.get(topic);
      if (meshPeers == null) {
        // not our topic: refuse without PX (no peers leaked for unknown topics) and without
        // remembering a backoff, so that arbitrary topic names cannot grow our state
        out.prune(from, s.pruneMessage(from, topic, false, s.params.pruneBackoffMillis()));
        continue;
      }
      if (meshPeers.contains(from)) {
        continue;
      }
      var expiry = s.backoffExpiry(topic, from);
      if (expiry.isPresent() && expiry.get() > now) {
        // GRAFT during backoff: P7, twice if within the flood threshold of our PRUNE
        s.score.addPenalty(from, 1);
        long floodCutoff =
            expiry.get() + s.params.graftFloodThresholdMillis() - s.params.pruneBackoffMillis();
        if (now < floodCutoff) {
          s.score.addPenalty(from, 1);
        }
        out.prune(from, s.prune(from, topic, false, s.params.pruneBackoffMillis()));
        continue;
      }
      if (score < 0) {
        out.prune(from, s.prune(from, topic, false, s.params.pruneBackoffMillis()));
        continue;
      }
      if (meshPeers.size() >= s.params.dHigh() && !s.isOutbound(from)) {
        out.prune(from, s.prune(from, topic, true, s.params.pruneBackoffMillis()));
        continue;
      }
      meshPeers.add(from);
      s.score.graft(from, topic, now);
    }
  }

  private void handlePrune(GossipPeerId from, List<Rpc.Prune> prunes) {
    for (Rpc.Prune prune : prunes) {
      String topic = prune.topic();
      Set<GossipPeerId> meshPeers = s.mesh.get(topic);
      if (meshPeers == null) {
        continue;
      }
      if (meshPeers.remove(from)) {
        s.score.prune(from, topic);
      }
      long backoffMillis =
          prune
              .backoffSeconds()
              .map(secs -> secs < 0 || secs > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : secs * 1000)
              .orElse(s.params.pruneBackoffMillis());
      s.addBackoff(topic, from, backoffMillis);
      if (!prune.peers().isEmpty() && s.score(from) >= s.thresholds.acceptPxThreshold()) {
        List<Rpc.PeerInfo> peers = prune.peers();
        if (peers.size() > s.params.prunePeers()) {
          peers = s.shuffled(peers).subList(0, s.params.prunePeers());
        }
        pxListener.onPeerExchange(from, topic, List.copyOf(peers));
      }
    }
  }

  /** Resets the per-heartbeat IHAVE counters of every peer. */
  void resetHeartbeatCounters() {
    for (Map.Entry<GossipPeerId, RouterState.PeerState> e : s.peers.entrySet()) {
      e.getValue().ihaveThisHeartbeat = 0;
      e.getValue().idsAskedThisHeartbeat = 0;
    }
  }
}
