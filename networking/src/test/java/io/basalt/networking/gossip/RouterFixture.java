package io.basalt.networking.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;

/** One router under test, fake remote peers, and everything it sent. */
final class RouterFixture {
  static final String TOPIC = "t";

  record Sent(GossipPeerId to, Rpc rpc) {}

  final ManualClock clock = new ManualClock(1_000_000);
  final List<Sent> sent = new ArrayList<>();
  final List<PubMessage> delivered = new ArrayList<>();
  final List<List<Rpc.PeerInfo>> pxOffers = new ArrayList<>();
  final GossipRouter router;
  final GossipParams params;

  RouterFixture(GossipParams params, PeerScoreParams scoreParams) {
    this.params = params;
    this.router =
        new GossipRouter(
            params,
            scoreParams,
            PeerScoreThresholds.defaults(),
            RpcLimits.DEFAULT,
            MessageIdFunction.sha256OfData(),
            clock,
            new SplittableRandom(42),
            (to, rpc) -> sent.add(new Sent(to, rpc)),
            Runnable::run,
            (from, topic, peers) -> pxOffers.add(peers));
  }

  RouterFixture() {
    this(GossipParams.defaults(), PeerScoreParams.defaults());
  }

  static GossipPeerId peer(int i) {
    return GossipPeerId.of("peer-" + i);
  }

  /** Connects fake peers 0..n-1 (v1.1, inbound) that subscribe to {@link #TOPIC}. */
  List<GossipPeerId> connectSubscribed(int n) {
    List<GossipPeerId> peers = IntStream.range(0, n).mapToObj(RouterFixture::peer).toList();
    for (GossipPeerId p : peers) {
      router.addPeer(p, GossipProtocol.MESHSUB_V11, false, Optional.empty());
      router.onRpc(p, new Rpc(List.of(new Rpc.SubOpts(true, TOPIC)), List.of(), Rpc.Control.EMPTY));
    }
    return peers;
  }

  /** Connects one fake peer that subscribes to {@link #TOPIC}. */
  GossipPeerId connect(int i, boolean outbound) {
    GossipPeerId p = peer(i);
    router.addPeer(p, GossipProtocol.MESHSUB_V11, outbound, Optional.empty());
    router.onRpc(p, new Rpc(List.of(new Rpc.SubOpts(true, TOPIC)), List.of(), Rpc.Control.EMPTY));
    return p;
  }

  void subscribe() {
    router.subscribe(TOPIC, (id, m) -> delivered.add(m));
  }

  void heartbeat() {
    clock.advance(params.heartbeatIntervalMillis());
    router.heartbeat();
  }

  static PubMessage message(String data) {
    return PubMessage.unsigned(
        TOPIC, Bytes.wrap(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  static MessageId idOf(PubMessage m) {
    return MessageIdFunction.sha256OfData().apply(m);
  }

  static Rpc control(Rpc.Control control) {
    return Rpc.ofControl(control);
  }

  static Rpc.Control graft(String topic) {
    return new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of());
  }

  static Rpc.Control prune(String topic, List<Rpc.PeerInfo> px, Optional<Long> backoffSeconds) {
    return new Rpc.Control(
        List.of(), List.of(), List.of(), List.of(new Rpc.Prune(topic, px, backoffSeconds)));
  }

  static Rpc.Control ihave(String topic, MessageId... ids) {
    return new Rpc.Control(
        List.of(new Rpc.IHave(topic, List.of(ids))), List.of(), List.of(), List.of());
  }

  static Rpc.Control iwant(MessageId... ids) {
    return new Rpc.Control(List.of(), List.of(new Rpc.IWant(List.of(ids))), List.of(), List.of());
  }

  List<Rpc> sentTo(GossipPeerId peer) {
    return sent.stream().filter(s -> s.to().equals(peer)).map(Sent::rpc).toList();
  }

  List<PubMessage> messagesSentTo(GossipPeerId peer) {
    return sentTo(peer).stream().flatMap(r -> r.messages().stream()).toList();
  }

  List<String> graftsSentTo(GossipPeerId peer) {
    return sentTo(peer).stream()
        .flatMap(r -> r.control().graft().stream())
        .map(Rpc.Graft::topic)
        .toList();
  }

  List<Rpc.Prune> prunesSentTo(GossipPeerId peer) {
    return sentTo(peer).stream().flatMap(r -> r.control().prune().stream()).toList();
  }

  List<Rpc.IHave> ihavesSentTo(GossipPeerId peer) {
    return sentTo(peer).stream().flatMap(r -> r.control().ihave().stream()).toList();
  }

  List<Rpc.IWant> iwantsSentTo(GossipPeerId peer) {
    return sentTo(peer).stream().flatMap(r -> r.control().iwant().stream()).toList();
  }
}
