package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.types.Attestation;
import io.basalt.networking.gossip.RpcLimits;
import io.basalt.networking.gossip.host.GossipService;
import io.basalt.networking.gossip.host.GossipServiceConfig;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.Host;
import io.basalt.networking.host.HostConfig;
import io.basalt.networking.host.HostListener;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.PeerManager;
import io.basalt.networking.peers.PeerManagerConfig;
import io.basalt.networking.peers.PeerStore;
import io.basalt.networking.reqresp.ReqResp;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's network service: starts the host, peer manager, gossip and req/resp; joins every
 * topic with validation before forwarding; publishes; runs the status handshake and range sync.
 *
 * <p>Thread-safe. The chain side is reached only through {@link GossipHandlers}, {@link
 * ChainDataProvider} and {@link SyncTarget}.
 */
public final class P2PNetwork implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(P2PNetwork.class);

  /** How long a peer on another fork or finalized history stays banned. */
  static final Duration INCOMPATIBLE_BAN = Duration.ofMinutes(10);

  static final Duration RESTATUS_INTERVAL = Duration.ofSeconds(30);
  static final Duration SYNC_TICK = Duration.ofMillis(500);

  private final P2PConfig config;
  private final SszCodecs codecs;
  private final Host host;
  private final PeerManager peers;
  private final GossipService gossip;
  private final ReqResp reqResp;
  private final GossipValidation validation;
  private final ChainRequestServer server;
  private final ChainRequests requests;
  private final StatusExchange statusExchange;
  private final RangeSync rangeSync;
  private final ScheduledExecutorService batchTimer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("tx-batches").daemon().factory());
  private final TransactionBatcher transactions =
      new TransactionBatcher(
          this::publishShardTransactions,
          (delay, task) -> {
            try {
              batchTimer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
              // the network is closing: nothing goes out any more
            }
          });

  private P2PNetwork(
      P2PConfig config,
      SszCodecs codecs,
      GossipHandlers handlers,
      ChainDataProvider chain,
      SyncTarget sync,
      PeerStore peerStore,
      P2PMetricsListener metrics,
      Clock clock,
      GossipServiceConfig gossipConfig) {
    this.config = config;
    this.codecs = codecs;
    this.host = new Host(HostConfig.defaults(config.identity()));
    this.peers = new PeerManager(host, peerStore, peerManagerConfig(config), clock);
    this.gossip = GossipService.start(host, gossipConfig, peers);
    this.reqResp = new ReqResp(host, peers);
    this.validation = new GossipValidation(codecs, handlers, metrics);
    MetaData metadata = new MetaData(UInt64.ZERO, allSubnets(config.attestationSubnets()));
    this.server =
        new ChainRequestServer(codecs, chain, () -> metadata, config.attestationSubnets());
    this.requests = new ChainRequests(reqResp, codecs, peers, config.attestationSubnets());
    this.rangeSync = new RangeSync(sync, requests, this::peerStatuses, peers, config.shardCount());
    this.statusExchange =
        new StatusExchange(
            host,
            requests,
            chain,
            new StatusChecker(config.forkDigest(), chain, codecs),
            (peer, reason) -> peers.ban(peer, INCOMPATIBLE_BAN, reason),
            peer -> rangeSync.wake());
    host.addListener(
        new HostListener() {
          @Override
          public void onConnected(Connection connection) {
            metrics.peerCount(host.connectedPeers().size());
          }

          @Override
          public void onDisconnected(Connection connection) {
            metrics.peerCount(host.connectedPeers().size());
          }
        });
  }

  /**
   * Starts listening on {@code config.listenAddress()} and dialling the bootnodes.
   *
   * @param codecs encodings of the chain's messages
   * @param peerStore where peers and bans are remembered (the node's {@link StoredPeerStore})
   * @param clock wall-clock time for bans
   */
  public static P2PNetwork start(
      P2PConfig config,
      SszCodecs codecs,
      GossipHandlers handlers,
      ChainDataProvider chain,
      SyncTarget sync,
      PeerStore peerStore,
      P2PMetricsListener metrics,
      Clock clock) {
    return start(
        config, codecs, handlers, chain, sync, peerStore, metrics, clock, gossipConfig(config));
  }

  /** With other gossip settings (tests use a short heartbeat). */
  static P2PNetwork start(
      P2PConfig config,
      SszCodecs codecs,
      GossipHandlers handlers,
      ChainDataProvider chain,
      SyncTarget sync,
      PeerStore peerStore,
      P2PMetricsListener metrics,
      Clock clock,
      GossipServiceConfig gossipConfig) {
    P2PNetwork network =
        new P2PNetwork(
            config, codecs, handlers, chain, sync, peerStore, metrics, clock, gossipConfig);
    try {
      network.begin();
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
    return network;
  }

  private void begin() {
    host.listen(config.listenAddress()).join();
    server.register(reqResp);
    for (GossipTopic topic : topics(config)) {
      String name = topic.topic(config.forkDigest());
      gossip.setValidator(name, validation.validator(topic));
      gossip.subscribe(name, (id, message) -> {});
    }
    statusExchange.start(reqResp, RESTATUS_INTERVAL);
    peers.start();
    rangeSync.start(SYNC_TICK);
    LOG.info("P2P listening on {} as {}", host.listenAddresses(), host.peerId());
  }

  /** Every topic a node joins: the global ones, one per attestation subnet and two per shard. */
  static List<GossipTopic> topics(P2PConfig config) {
    List<GossipTopic> topics = new ArrayList<>();
    for (TopicKind kind : TopicKind.values()) {
      int count =
          switch (kind) {
            case ATTESTATION -> config.attestationSubnets();
            case SHARD_BLOCK, SHARD_TRANSACTION -> config.shardCount();
            default -> 1;
          };
      for (int i = 0; i < count; i++) {
        topics.add(new GossipTopic(kind, i));
      }
    }
    return topics;
  }

  /** Gossipsub defaults with Ethereum's message ids and frames large enough for a 10 MiB block. */
  static GossipServiceConfig gossipConfig(P2PConfig config) {
    GossipServiceConfig defaults = GossipServiceConfig.defaults();
    io.basalt.consensus.types.Bytes4 forkDigest = config.forkDigest();
    return new GossipServiceConfig(
        defaults.params(),
        ChainScoring.withTopics(topics(config).stream().map(t -> t.topic(forkDigest)).toList()),
        defaults.thresholds(),
        new RpcLimits(
            TopicKind.BEACON_BLOCK.maxCompressedBytes() + 64 * 1024, 1024, 1024, 1024, 10_000, 64),
        GossipEncoding.messageIdFunction(
            topic ->
                GossipTopic.parse(topic, forkDigest)
                    .map(t -> t.kind().maxUncompressedBytes())
                    .orElse(TopicKind.Limits.OTHER)),
        defaults.clock(),
        defaults.seed(),
        defaults.outboxCapacity(),
        defaults.maxInflightBytes(),
        defaults.maxPendingInboundFrames(),
        defaults.pxListener());
  }

  private static PeerManagerConfig peerManagerConfig(P2PConfig config) {
    PeerManagerConfig defaults = PeerManagerConfig.defaults(config.bootnodes());
    return new PeerManagerConfig(
        config.bootnodes(),
        Math.min(defaults.targetPeers(), config.maxPeers()),
        config.maxPeers(),
        defaults.backoff(),
        defaults.heartbeat(),
        defaults.banThreshold(),
        defaults.banDuration(),
        defaults.scoreDecay());
  }

  private static Bits allSubnets(int subnets) {
    Bits bits = Bits.zeros(subnets);
    for (int i = 0; i < subnets; i++) {
      bits = bits.with(i, true);
    }
    return bits;
  }

  private java.util.Map<PeerId, StatusMessage> peerStatuses() {
    return statusExchange.statuses();
  }

  public PeerId peerId() {
    return host.peerId();
  }

  public List<Multiaddr> listenAddresses() {
    return host.listenAddresses();
  }

  public int peerCount() {
    return host.connectedPeers().size();
  }

  public List<PeerId> peers() {
    return List.copyOf(host.connectedPeers());
  }

  /** Bans {@code peer} for {@code duration}: its connections close and new ones are refused. */
  public void ban(PeerId peer, Duration duration, String reason) {
    peers.ban(peer, duration, reason);
  }

  /** Lifts a ban; the peer manager redials the peer at its next heartbeat if it is a bootnode. */
  public void unban(PeerId peer) {
    peers.unban(peer);
  }

  /** The open connections to {@code peer} (remote address and direction, for node_peers). */
  public List<Connection> connections(PeerId peer) {
    return host.connections(peer);
  }

  public void publishBeaconBlock(SignedBeaconBlock block) {
    publish(GossipTopic.of(TopicKind.BEACON_BLOCK), codecs.encodeBeaconBlock(block));
  }

  public void publishAggregateAndProof(SignedAggregateAndProof aggregate) {
    publish(
        GossipTopic.of(TopicKind.AGGREGATE_AND_PROOF), codecs.encodeAggregateAndProof(aggregate));
  }

  public void publishAttestation(int subnet, Attestation attestation) {
    publish(new GossipTopic(TopicKind.ATTESTATION, subnet), codecs.encodeAttestation(attestation));
  }

  public void publishShardBlock(SignedShardBlock block) {
    int shard = block.message().header().shard().id();
    publish(new GossipTopic(TopicKind.SHARD_BLOCK, shard), codecs.encodeShardBlock(block));
  }

  /**
   * Sends a transaction to the shard's peers: with the others admitted in the same moment, in one
   * message ({@link TransactionBatcher}).
   */
  public void publishShardTransaction(ShardId shard, Bytes rawTransaction) {
    transactions.add(shard, rawTransaction);
  }

  /** Sends transactions of one shard as one message at once. */
  void publishShardTransactions(ShardId shard, List<Bytes> rawTransactions) {
    publish(
        new GossipTopic(TopicKind.SHARD_TRANSACTION, shard.id()),
        codecs.encodeShardTransactions(rawTransactions));
  }

  public void publishVoluntaryExit(SignedVoluntaryExit exit) {
    publish(GossipTopic.of(TopicKind.VOLUNTARY_EXIT), codecs.encodeVoluntaryExit(exit));
  }

  public void publishProposerSlashing(ProposerSlashing s) {
    publish(GossipTopic.of(TopicKind.PROPOSER_SLASHING), codecs.encodeProposerSlashing(s));
  }

  public void publishAttesterSlashing(AttesterSlashing s) {
    publish(GossipTopic.of(TopicKind.ATTESTER_SLASHING), codecs.encodeAttesterSlashing(s));
  }

  /** Publishes raw payload bytes on a topic (tests send garbage this way). */
  CompletableFuture<?> publishRaw(GossipTopic topic, byte[] payload) {
    return gossip.publish(topic.topic(config.forkDigest()), payload);
  }

  private void publish(GossipTopic topic, Bytes ssz) {
    if (ssz.size() > topic.kind().maxUncompressedBytes()) {
      throw new IllegalArgumentException(
          topic.name() + " message of " + ssz.size() + " bytes is over the gossip limit");
    }
    publishRaw(topic, GossipEncoding.compress(ssz))
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                LOG.debug("Publishing on {} failed: {}", topic.name(), error.toString());
              }
            });
  }

  /**
   * Asks a peer for blocks by root (unknown parents). The blocks are returned, not imported: the
   * caller imports them (e.g. through its block pipeline).
   */
  public CompletableFuture<List<SignedBeaconBlock>> requestBeaconBlocksByRoot(
      PeerId peer, List<Bytes32> roots) {
    return requests.beaconBlocksByRoot(peer, roots);
  }

  /**
   * Asks a peer for shard blocks by root (unknown parents); returned, not imported, as {@link
   * #requestBeaconBlocksByRoot}.
   */
  public CompletableFuture<List<SignedShardBlock>> requestShardBlocksByRoot(
      PeerId peer, List<Bytes32> roots) {
    return requests.shardBlocksByRoot(peer, roots);
  }

  /** Whether range sync is running (node reports "syncing"). */
  public boolean isSyncing() {
    return rangeSync.isSyncing();
  }

  /** Whether the beacon chain is catching up with peers (shards aside). */
  public boolean isBeaconSyncing() {
    return rangeSync.isBeaconSyncing();
  }

  /** Whether {@code shard} is catching up with peers. */
  public boolean isShardSyncing(ShardId shard) {
    return rangeSync.isShardSyncing(shard);
  }

  /** The last status of a connected peer. */
  public java.util.Optional<StatusMessage> peerStatus(PeerId peer) {
    return statusExchange.status(peer);
  }

  /** The peer manager's score of a peer (0 neutral, negative after misbehaviour). */
  public int peerScore(PeerId peer) {
    return peers.score(peer);
  }

  /** Gossipsub's score of a peer. */
  public double gossipScore(PeerId peer) {
    return gossip.score(peer);
  }

  /** Typed requests to peers (tests). */
  ChainRequests requests() {
    return requests;
  }

  /** The raw request/response service (tests send malformed requests). */
  ReqResp reqResp() {
    return reqResp;
  }

  /** The gossip service (tests watch its mesh). */
  GossipService gossip() {
    return gossip;
  }

  /** Dials a peer (with {@code /p2p/}); completes when connected. */
  public CompletableFuture<Void> dial(Multiaddr address) {
    return host.dial(address).thenApply(c -> null);
  }

  @Override
  public void close() {
    batchTimer.shutdownNow();
    rangeSync.close();
    statusExchange.close();
    peers.close();
    gossip.close();
    reqResp.close();
    server.close();
    validation.close();
    host.close();
  }
}
