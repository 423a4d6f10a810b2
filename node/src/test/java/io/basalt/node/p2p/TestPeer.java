package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Bytes4;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.InMemoryPeerStore;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A peer in the test JVM that talks to a running node over real sockets: a {@link P2PNetwork} on
 * 127.0.0.1 with the node's fork digest and a stub chain. It accepts whatever it hears on gossip
 * (recording it), follows the node's head through range sync without verifying anything (so neither
 * side wants to sync from the other), and can publish anything, well-formed or not.
 */
public final class TestPeer implements AutoCloseable {

  private final P2PNetwork network;
  private final RecordingHandlers handlers = new RecordingHandlers();
  private final StubChain chain;
  private final SszCodecs codecs;
  private final Bytes4 forkDigest;

  private TestPeer(SszCodecs codecs, Bytes4 forkDigest) {
    this.codecs = codecs;
    this.forkDigest = forkDigest;
    this.chain = new StubChain(forkDigest);
    SpecConfig config = codecs.config();
    P2PConfig p2p =
        new P2PConfig(
            "127.0.0.1",
            0,
            List.of(),
            10,
            Secp256k1PeerPrivateKey.random(new SecureRandom()),
            forkDigest,
            config.shardCount(),
            config.shardCount());
    this.network =
        P2PNetwork.start(
            p2p,
            codecs,
            handlers,
            chain,
            chain,
            new InMemoryPeerStore(100),
            P2PMetricsListener.NONE,
            Clock.systemUTC());
  }

  /** Starts a peer speaking the chain of {@code codecs} with fork digest {@code forkDigest}. */
  public static TestPeer start(SszCodecs codecs, Bytes4 forkDigest) {
    return new TestPeer(codecs, forkDigest);
  }

  /** Dials {@code address} (with {@code /p2p/}) and waits for the connection. */
  public void connect(Multiaddr address) throws Exception {
    network.dial(address).get(10, TimeUnit.SECONDS);
  }

  public PeerId peerId() {
    return network.peerId();
  }

  public List<PeerId> peers() {
    return network.peers();
  }

  /** Whether {@code peer} is in this peer's gossip mesh of {@code topic}. */
  public boolean inMesh(PeerId peer, TopicKind kind, int index) {
    return network
        .gossip()
        .meshPeers(new GossipTopic(kind, index).topic(forkDigest))
        .contains(peer);
  }

  /** Publishes {@code payload} as it is (no compression, no size check) on a topic. */
  public CompletableFuture<?> publishRaw(TopicKind kind, int index, byte[] payload) {
    return network.publishRaw(new GossipTopic(kind, index), payload);
  }

  public void publishBeaconBlock(SignedBeaconBlock block) {
    network.publishBeaconBlock(block);
  }

  public void publishAttestation(int subnet, Attestation attestation) {
    network.publishAttestation(subnet, attestation);
  }

  /** Beacon blocks heard on gossip, oldest first. */
  public List<SignedBeaconBlock> gossipBlocks() {
    return handlers.received.stream()
        .filter(SignedBeaconBlock.class::isInstance)
        .map(SignedBeaconBlock.class::cast)
        .toList();
  }

  /** Attestations heard on gossip, oldest first. */
  public List<Attestation> gossipAttestations() {
    return handlers.received.stream()
        .filter(Attestation.class::isInstance)
        .map(Attestation.class::cast)
        .toList();
  }

  /** Every root peers asked of this peer with {@code beacon_blocks_by_root}. */
  public List<Bytes32> rootsAskedFor() {
    return List.copyOf(chain.rootsAsked);
  }

  public SszCodecs codecs() {
    return codecs;
  }

  @Override
  public void close() {
    network.close();
  }

  /**
   * Takes every synced batch without checking it and reports its newest block as head, so the
   * peer's status follows the node's head; serves no blocks, records by-root requests.
   */
  private final class StubChain implements ChainDataProvider, SyncTarget {
    final List<Bytes32> rootsAsked = new CopyOnWriteArrayList<>();
    private final Bytes4 digest;
    private volatile StatusMessage status;

    StubChain(Bytes4 digest) {
      this.digest = digest;
      this.status = new StatusMessage(digest, Bytes32.ZERO, Epoch.ZERO, Bytes32.ZERO, Slot.ZERO);
    }

    @Override
    public StatusMessage status() {
      return status;
    }

    @Override
    public List<SignedBeaconBlock> beaconBlocksByRange(Slot startSlot, int count) {
      return List.of();
    }

    @Override
    public List<SignedBeaconBlock> beaconBlocksByRoot(List<Bytes32> roots) {
      rootsAsked.addAll(roots);
      return List.of();
    }

    @Override
    public List<SignedShardBlock> shardBlocksByRoot(List<Bytes32> roots) {
      return List.of();
    }

    @Override
    public List<SignedShardBlock> shardBlocksByRange(ShardId shard, Slot startSlot, int count) {
      return List.of();
    }

    @Override
    public CompletableFuture<BatchImport> importBeaconBlocks(List<SignedBeaconBlock> blocks) {
      SignedBeaconBlock last = blocks.get(blocks.size() - 1);
      status =
          new StatusMessage(
              digest,
              Bytes32.ZERO,
              Epoch.ZERO,
              codecs.beaconBlockRoot(last),
              last.message().slot());
      return CompletableFuture.completedFuture(BatchImport.ok(blocks.size()));
    }

    @Override
    public Slot shardSyncStart(ShardId shard) {
      return Slot.of(1L << 40); // never syncs shards
    }

    @Override
    public Slot shardForkSyncStart(ShardId shard) {
      return Slot.of(1L << 40);
    }

    @Override
    public Slot forkSyncStart() {
      return Slot.of(1);
    }

    @Override
    public CompletableFuture<BatchImport> importShardBlocks(
        ShardId shard, List<SignedShardBlock> blocks) {
      return CompletableFuture.completedFuture(BatchImport.ok(0));
    }
  }
}
