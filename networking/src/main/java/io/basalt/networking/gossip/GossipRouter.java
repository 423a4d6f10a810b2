package io.basalt.networking.gossip;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.apache.tuweni.bytes.Bytes;

/**
 * A gossipsub v1.1 router (also serving v1.0 peers), independent of any transport.
 *
 * <p>Threading: not thread-safe. Every call, and the {@code routerExecutor} that receives
 * validation results, must run on one thread (e.g. one Netty event loop). Validators may complete
 * their futures on any thread.
 *
 * <p>Signature policy is StrictNoSign: published messages carry only topic and data, and received
 * messages with from, seqno, signature or key are rejected (P4). Own messages are not passed to the
 * local validators or handler.
 */
public final class GossipRouter {

  /** Outcome of {@link #publish}: the message id and how many peers it was sent to. */
  public record PublishResult(MessageId id, boolean duplicate, int recipients) {}

  private final RouterState s;
  private final RpcSink sink;
  private final MessageIdFunction messageIds;
  private final RpcLimits limits;
  private final ControlHandler control;
  private final GossipHeartbeat heartbeat;
  private final Map<String, MessageHandler> subscriptions = new HashMap<>();
  private final Map<String, TopicValidator> validators = new HashMap<>();
  private final MessagePipeline pipeline;

  public GossipRouter(
      GossipParams params,
      PeerScoreParams scoreParams,
      PeerScoreThresholds thresholds,
      RpcLimits limits,
      MessageIdFunction messageIds,
      GossipClock clock,
      RandomGenerator random,
      RpcSink sink,
      Executor routerExecutor,
      PeerExchangeListener pxListener) {
    this.s = new RouterState(params, scoreParams, thresholds, clock, random);
    this.limits = limits;
    this.messageIds = messageIds;
    this.sink = sink;
    this.control = new ControlHandler(s, pxListener);
    this.heartbeat = new GossipHeartbeat(s);
    this.pipeline =
        new MessagePipeline(
            s, subscriptions, validators, messageIds, sink, routerExecutor, this::batch);
  }

  // ---- peers

  /** A peer opened a gossipsub stream: it learns our subscriptions. */
  public void addPeer(
      GossipPeerId peer, GossipProtocol protocol, boolean outbound, Optional<String> ip) {
    if (s.peers.containsKey(peer)) {
      return;
    }
    s.peers.put(peer, new RouterState.PeerState(protocol, outbound));
    s.score.addPeer(peer, ip);
    if (!subscriptions.isEmpty()) {
      RpcBatch out = batch();
      for (String topic : subscriptions.keySet()) {
        out.subscription(peer, new Rpc.SubOpts(true, topic));
      }
      out.flush(sink);
    }
  }

  public void removePeer(GossipPeerId peer) {
    RouterState.PeerState state = s.peers.remove(peer);
    if (state == null) {
      return;
    }
    for (String topic : state.topics) {
      Set<GossipPeerId> peers = s.topicPeers.get(topic);
      if (peers != null && peers.remove(peer) && peers.isEmpty()) {
        s.topicPeers.remove(topic);
      }
    }
    s.score.removePeer(peer, s.now()); // applies P3b for the meshes it leaves
    s.mesh.values().forEach(mesh -> mesh.remove(peer));
    s.fanout.values().forEach(fanout -> fanout.remove(peer));
  }

  // ---- local subscriptions and publishing

  /** Subscribes: announces the topic, builds its mesh (from fanout first) and grafts. */
  public void subscribe(String topic, MessageHandler handler) {
    if (subscriptions.put(topic, handler) != null) {
      return;
    }
    RpcBatch out = batch();
    for (GossipPeerId peer : s.peers.keySet()) {
      out.subscription(peer, new Rpc.SubOpts(true, topic));
    }
    Set<GossipPeerId> mesh = new LinkedHashSet<>();
    Set<GossipPeerId> fanout = s.fanout.remove(topic);
    s.fanoutLastPublished.remove(topic);
    if (fanout != null) {
      for (GossipPeerId peer : fanout) {
        if (mesh.size() < s.params.d() && s.score(peer) >= 0 && !s.backedOff(topic, peer)) {
          mesh.add(peer);
        }
      }
    }
    for (GossipPeerId peer : s.shuffled(s.peersOf(topic))) {
      if (mesh.size() >= s.params.d()) {
        break;
      }
      if (!mesh.contains(peer) && s.score(peer) >= 0 && !s.backedOff(topic, peer)) {
        mesh.add(peer);
      }
    }
    s.mesh.put(topic, new HashSet<>(mesh));
    for (GossipPeerId peer : mesh) {
      s.score.graft(peer, topic, s.now());
      out.graft(peer, topic);
    }
    out.flush(sink);
  }

  /** Unsubscribes: announces it and prunes the mesh with the unsubscribe backoff. */
  public void unsubscribe(String topic) {
    if (subscriptions.remove(topic) == null) {
      return;
    }
    RpcBatch out = batch();
    for (GossipPeerId peer : s.peers.keySet()) {
      out.subscription(peer, new Rpc.SubOpts(false, topic));
    }
    Set<GossipPeerId> mesh = s.mesh.remove(topic);
    for (GossipPeerId peer : mesh) {
      s.score.prune(peer, topic);
      out.prune(peer, s.prune(peer, topic, true, s.params.unsubscribeBackoffMillis()));
    }
    out.flush(sink);
  }

  /** Sets the validator of a topic; messages of topics without one are accepted. */
  public void setValidator(String topic, TopicValidator validator) {
    validators.put(topic, validator);
  }

  /**
   * Publishes an unsigned message (StrictNoSign). With flood publishing it goes to every topic peer
   * at or above the publish threshold; otherwise to the mesh, or to the fanout if not subscribed.
   */
  public PublishResult publish(String topic, Bytes data) {
    PubMessage message = PubMessage.unsigned(topic, data);
    MessageId id = messageIds.apply(message);
    if (!s.seen.add(id, s.now())) {
      return new PublishResult(id, true, 0);
    }
    s.mcache.put(id, message);
    Set<GossipPeerId> targets = new HashSet<>();
    double publishThreshold = s.thresholds.publishThreshold();
    if (s.params.floodPublish()) {
      for (GossipPeerId peer : s.peersOf(topic)) {
        if (s.score(peer) >= publishThreshold) {
          targets.add(peer);
        }
      }
    } else if (s.mesh.containsKey(topic)) {
      targets.addAll(s.mesh.get(topic));
    } else {
      Set<GossipPeerId> fanout = s.fanout.computeIfAbsent(topic, t -> new HashSet<>());
      if (fanout.isEmpty()) {
        for (GossipPeerId peer : s.shuffled(s.peersOf(topic))) {
          if (fanout.size() == s.params.d()) {
            break;
          }
          if (s.score(peer) >= publishThreshold) {
            fanout.add(peer);
          }
        }
      }
      s.fanoutLastPublished.put(topic, s.now());
      targets.addAll(fanout);
    }
    RpcBatch out = batch();
    for (GossipPeerId peer : targets) {
      out.message(peer, message);
    }
    out.flush(sink);
    return new PublishResult(id, false, targets.size());
  }

  // ---- inbound

  /** Decodes a frame and handles it. */
  public void onFrame(GossipPeerId from, byte[] frame) throws RpcDecodeException {
    onRpc(from, RpcCodec.decode(frame, limits));
  }

  /** Handles an RPC received from a connected peer. Graylisted peers' RPCs are dropped whole. */
  public void onRpc(GossipPeerId from, Rpc rpc) {
    RouterState.PeerState peer = s.peers.get(from);
    if (peer == null) {
      return;
    }
    if (s.score(from) < s.thresholds.graylistThreshold()) {
      s.metrics.graylistedRpcs++;
      return;
    }
    RpcBatch out = batch();
    for (Rpc.SubOpts sub : rpc.subscriptions()) {
      handleSubscription(from, peer, sub);
    }
    for (PubMessage message : rpc.messages()) {
      pipeline.handle(from, message, out);
    }
    control.handle(from, rpc.control(), out);
    out.flush(sink);
  }

  private void handleSubscription(GossipPeerId from, RouterState.PeerState peer, Rpc.SubOpts sub) {
    String topic = sub.topic();
    if (sub.subscribe()) {
      if (peer.topics.size() < s.params.maxTopicsPerPeer() && peer.topics.add(topic)) {
        s.topicPeers.computeIfAbsent(topic, t -> new HashSet<>()).add(from);
      }
    } else if (peer.topics.remove(topic)) {
      Set<GossipPeerId> peers = s.topicPeers.get(topic);
      if (peers != null && peers.remove(from) && peers.isEmpty()) {
        s.topicPeers.remove(topic);
      }
      Set<GossipPeerId> mesh = s.mesh.get(topic);
      if (mesh != null && mesh.remove(from)) {
        s.score.prune(from, topic);
      }
      Set<GossipPeerId> fanout = s.fanout.get(topic);
      if (fanout != null) {
        fanout.remove(from);
      }
    }
  }

  // ---- heartbeat

  /** Runs one heartbeat; call every {@link GossipParams#heartbeatIntervalMillis()}. */
  public void heartbeat() {
    control.resetHeartbeatCounters();
    RpcBatch out = batch();
    heartbeat.run(out);
    out.flush(sink);
  }

  private RpcBatch batch() {
    return new RpcBatch(limits.maxRpcBytes());
  }

  // ---- introspection

  public Set<GossipPeerId> meshPeers(String topic) {
    return Collections.unmodifiableSet(s.mesh.getOrDefault(topic, Set.of()));
  }

  public Set<GossipPeerId> fanoutPeers(String topic) {
    return Collections.unmodifiableSet(s.fanout.getOrDefault(topic, Set.of()));
  }

  public Set<GossipPeerId> topicPeers(String topic) {
    return Collections.unmodifiableSet(s.peersOf(topic));
  }

  public Set<String> subscriptions() {
    return Collections.unmodifiableSet(subscriptions.keySet());
  }

  public double score(GossipPeerId peer) {
    return s.score(peer);
  }

  public boolean isBackedOff(String topic, GossipPeerId peer) {
    return s.backedOff(topic, peer);
  }

  public int pendingValidations() {
    return pipeline.pendingValidations();
  }

  public GossipMetrics metrics() {
    return s.metrics;
  }

  /** Sizes of the bounded caches: seen, mcache, promises, score records. */
  public Map<String, Integer> cacheSizes() {
    return Map.of(
        "seen", s.seen.size(),
        "mcache", s.mcache.size(),
        "promises", s.promises.size(),
        "scorePeers", s.score.trackedPeers(),
        "scoreDeliveries", s.score.trackedDeliveries());
  }
}
