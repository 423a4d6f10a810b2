package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static io.basalt.node.p2p.P2PFixtures.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Bytes4;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.InMemoryPeerStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several {@link P2PNetwork}s on 127.0.0.1 with fake chains. */
class P2PNetworkTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<P2PNetwork> networks = new ArrayList<>();

  record Node(
      P2PNetwork network,
      RecordingHandlers handlers,
      FakeChain chain,
      GossipValidationTest.CountingMetrics metrics) {}

  private Node start(FakeChain chain, Bytes4 digest) {
    RecordingHandlers handlers = new RecordingHandlers();
    GossipValidationTest.CountingMetrics metrics = new GossipValidationTest.CountingMetrics();
    P2PConfig config =
        new P2PConfig(
            "127.0.0.1",
            0,
            List.of(),
            10,
            Secp256k1PeerPrivateKey.random(new SecureRandom()),
            digest,
            4,
            4);
    var gossip = P2PNetwork.gossipConfig(config);
    gossip = gossip.withParams(gossip.params().withHeartbeatIntervalMillis(100));
    P2PNetwork network =
        P2PNetwork.start(
            config,
            CODECS,
            handlers,
            chain,
            chain,
            new InMemoryPeerStore(100),
            metrics,
            Clock.systemUTC(),
            gossip);
    networks.add(network);
    return new Node(network, handlers, chain, metrics);
  }

  private Node start(FakeChain chain) {
    return start(chain, DIGEST);
  }

  private static void connect(Node from, Node to) throws Exception {
    Multiaddr address = to.network.listenAddresses().get(0).withPeerId(to.network.peerId());
    from.network.dial(address).get(10, TimeUnit.SECONDS);
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }

  private static String blockTopic() {
    return GossipTopic.of(TopicKind.BEACON_BLOCK).topic(DIGEST);
  }

  private static void awaitMesh(Node node, int peers) throws InterruptedException {
    eventually(() -> node.network.gossip().meshPeers(blockTopic()).size() >= peers);
  }

  @AfterEach
  void closeAll() {
    networks.forEach(P2PNetwork::close);
  }

  @Test
  void aPublishedBlockArrivesDecodedAtEveryOtherNode() throws Exception {
    Node a = start(new FakeChain());
    Node b = start(new FakeChain());
    Node c = start(new FakeChain());
    connect(a, b);
    connect(b, c);
    awaitMesh(b, 2);
    awaitMesh(c, 1);
    SignedBeaconBlock block = P2PFixtures.block(9, Bytes32.ZERO, P2PFixtures.GOOD_SIGNATURE);
    a.network.publishBeaconBlock(block);
    eventually(() -> b.handlers.received.contains(block) && c.handlers.received.contains(block));
    assertThat(b.metrics.verdicts).contains("beacon_block:ACCEPT");
  }

  @Test
  void transactionsSentInOneMomentArriveAsOneMessageInOrder() throws Exception {
    Node a = start(new FakeChain());
    Node b = start(new FakeChain());
    connect(a, b);
    String topic = new GossipTopic(TopicKind.SHARD_TRANSACTION, 2).topic(DIGEST);
    eventually(() -> a.network.gossip().meshPeers(topic).size() == 1);
    List<Bytes> sent = List.of(Bytes.of(1), Bytes.of(2, 2), Bytes.of(3, 3, 3));
    sent.forEach(tx -> a.network.publishShardTransaction(ShardId.of(2), tx));
    eventually(() -> b.handlers.received.contains(sent));
    assertThat(b.handlers.received).hasSize(1);
    assertThat(b.metrics.verdicts).containsExactly("shard_tx_2:ACCEPT");
  }

  @Test
  void aRejectedBlockIsNotForwardedAndTheSenderLosesScore() throws Exception {
    Node a = start(new FakeChain());
    Node b = start(new FakeChain());
    Node c = start(new FakeChain());
    b.handlers.verdict = () -> Verdict.reject("bad signature");
    connect(a, b);
    connect(b, c);
    awaitMesh(b, 2);
    awaitMesh(c, 1);
    SignedBeaconBlock block = P2PFixtures.block(9, Bytes32.ZERO, P2PFixtures.BAD_SIGNATURE);
    a.network.publishBeaconBlock(block);
    eventually(() -> b.handlers.received.contains(block));
    eventually(() -> b.network.gossipScore(a.network.peerId()) < 0);
    assertThat(b.network.peerScore(a.network.peerId())).isNegative();
    assertThat(b.metrics.verdicts).contains("beacon_block:REJECT");
    // An honest block from c still crosses b, so had b forwarded a's block, c would hold it too.
    SignedBeaconBlock honest = P2PFixtures.block(10, Bytes32.ZERO, P2PFixtures.GOOD_SIGNATURE);
    b.handlers.verdict = Verdict::accept;
    b.network.publishBeaconBlock(honest);
    eventually(() -> c.handlers.received.contains(honest));
    assertThat(c.handlers.received).doesNotContain(block);
  }

  @Test
  void garbageAndOversizePayloadsAreRejectedAndTheNodeStaysUp() throws Exception {
    Node attacker = start(new FakeChain());
    Node b = start(new FakeChain());
    Node oversizer = start(new FakeChain());
    Node honest = start(new FakeChain());
    connect(attacker, b);
    connect(oversizer, b);
    connect(honest, b);
    awaitMesh(b, 3);
    GossipTopic topic = GossipTopic.of(TopicKind.BEACON_BLOCK);
    attacker
        .network
        .publishRaw(topic, new byte[] {7, 1, 2, 3, 4, 5, 6, 7, 8})
        .get(5, TimeUnit.SECONDS);
    // Announces 11 MiB of SSZ in a tiny payload. (Another sender: after one invalid message the
    // attacker is graylisted by b, which then drops its RPCs unread.)
    oversizer
        .network
        .publishRaw(topic, new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0xc0, 0x05, 0})
        .get(5, TimeUnit.SECONDS);
    eventually(
        () -> b.metrics.verdicts.stream().filter("beacon_block:REJECT"::equals).count() == 2);
    assertThat(b.handlers.received).isEmpty();
    // The peer manager hears of a REJECT after the verdict is counted, on another thread.
    eventually(
        () ->
            b.network.peerScore(attacker.network.peerId()) < 0
                && b.network.peerScore(oversizer.network.peerId()) < 0);

    SignedBeaconBlock block = P2PFixtures.block(3, Bytes32.ZERO, P2PFixtures.GOOD_SIGNATURE);
    honest.network.publishBeaconBlock(block);
    eventually(() -> b.handlers.received.contains(block));
  }

  @Test
  void aPeerWithAnotherForkDigestIsDisconnected() throws Exception {
    Node a = start(new FakeChain());
    Node other = start(new FakeChain(), Bytes4.fromHexString("0x99999999"));
    connect(other, a);
    eventually(() -> a.network.peerCount() == 0 && other.network.peerCount() == 0);
    Thread.sleep(300);
    assertThat(a.network.peerCount()).isZero();
  }

  @Test
  void rangeSyncImportsTwoHundredBlocksInOrderInBatchesThenTheShards() throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(200, P2PFixtures.GOOD_SIGNATURE);
    Node a = start(new FakeChain().withBlocks(chain).withShardBlocks(4, 12));
    Node b = start(new FakeChain());
    connect(b, a);
    eventually(() -> b.chain.blocks.size() == 200);
    assertThat(b.chain.blocks).containsExactlyElementsOf(chain);
    List<String> beaconImports =
        b.chain.imports.stream().filter(s -> s.startsWith("beacon")).toList();
    assertThat(beaconImports).hasSizeGreaterThan(1);
    assertThat(beaconImports)
        .allMatch(s -> Integer.parseInt(s.substring(7)) <= RangeSync.BATCH_SIZE);

    eventually(
        () ->
            b.chain.shardBlocks.size() == 4
                && b.chain.shardBlocks.values().stream().allMatch(l -> l.size() == 12));
    for (int shard = 0; shard < 4; shard++) {
      assertThat(b.chain.shardBlocks.get(shard))
          .containsExactlyElementsOf(a.chain.shardBlocks.get(shard));
    }
    int lastBeacon = b.chain.imports.lastIndexOf(beaconImports.get(beaconImports.size() - 1));
    int firstShard =
        b.chain.imports.indexOf(
            b.chain.imports.stream().filter(s -> s.startsWith("shard")).findFirst().orElseThrow());
    assertThat(firstShard).isGreaterThan(lastBeacon);
    eventually(() -> !b.network.isSyncing());
  }

  @Test
  void aNodeOnAnotherForkSyncsFromItsFinalizedCheckpointWithoutReportingItsPeers()
      throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(200, P2PFixtures.GOOD_SIGNATURE);
    // Our fork shares slots 1..20 and then has its own blocks at slots 21..60.
    List<SignedBeaconBlock> ours = new ArrayList<>(chain.subList(0, 20));
    Bytes32 parent = P2PFixtures.CODECS.beaconBlockRoot(ours.getLast());
    for (int slot = 21; slot <= 60; slot++) {
      SignedBeaconBlock block =
          P2PFixtures.block(slot, parent, P2PFixtures.GOOD_SIGNATURE, Bytes32.repeat((byte) 1));
      ours.add(block);
      parent = P2PFixtures.CODECS.beaconBlockRoot(block);
    }
    Node a = start(new FakeChain().withBlocks(chain));
    Node b = start(new FakeChain().withBlocks(ours));
    connect(b, a);

    eventually(() -> b.chain.blocks.size() == 200);
    assertThat(b.chain.blocks).containsExactlyElementsOf(chain);
    // The batch after our head did not connect; the run went back to the finalized checkpoint.
    assertThat(b.chain.imports).contains("unknown parent:61");
    eventually(() -> !b.network.isSyncing());
    assertThat(b.network.peerCount()).isEqualTo(1);
    assertThat(b.network.peerScore(a.network.peerId())).isZero();
  }

  @Test
  void aPeerServingABadBatchIsReportedAndTheBatchFetchedFromAnother() throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(200, P2PFixtures.GOOD_SIGNATURE);
    List<SignedBeaconBlock> forged = new ArrayList<>();
    for (SignedBeaconBlock block : chain) {
      forged.add(new SignedBeaconBlock(block.message(), P2PFixtures.BAD_SIGNATURE));
    }
    Node good = start(new FakeChain().withBlocks(chain));
    Node bad = start(new FakeChain().withBlocks(forged));
    Node b = start(new FakeChain());
    // The forger is connected alone first, so it is certain to serve a batch; scores recover
    // towards 0 every heartbeat, so the report is checked while it is fresh.
    connect(b, bad);
    eventually(() -> b.network.peerScore(bad.network.peerId()) < 0);
    assertThat(b.chain.blocks).isEmpty();
    connect(b, good);
    eventually(() -> b.chain.blocks.size() == 200);
    assertThat(b.chain.blocks).containsExactlyElementsOf(chain);
    assertThat(b.network.peerScore(good.network.peerId())).isZero();
  }

  @Test
  void invalidShardBlocksCostTheOnlyPeerOneReportNotItsConnection() throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(20, P2PFixtures.GOOD_SIGNATURE);
    Node a = start(new FakeChain().withBlocks(chain).withShardBlocks(4, 12));
    FakeChain syncing = new FakeChain();
    syncing.refuseShardImports.set(4);
    Node b = start(syncing);
    connect(b, a);
    eventually(
        () ->
            b.chain.shardBlocks.size() == 4
                && b.chain.shardBlocks.values().stream().allMatch(l -> l.size() == 12));
    assertThat(syncing.refusedShardImports.get()).isEqualTo(4);
    // One report (−10, recovering 1 a second), not one per refusal (−40; a ban at −100).
    assertThat(b.network.peerScore(a.network.peerId())).isBetween(-10, -1);
    assertThat(b.network.peers()).contains(a.network.peerId());
  }

  @Test
  void aShardWhoseHeadDoesNotFollowIsAskedAgainFromItsHead() throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(20, P2PFixtures.GOOD_SIGNATURE);
    Node a = start(new FakeChain().withBlocks(chain).withShardBlocks(4, 12));
    FakeChain syncing = new FakeChain();
    syncing.swallowShardImports.set(4); // each shard's first import keeps nothing
    Node b = start(syncing);
    connect(b, a);
    eventually(() -> syncing.imports.stream().filter(s -> s.startsWith("swallowed")).count() == 4);
    // The cursors moved past the swallowed ranges; after ShardRangeSync.CURSOR_TTL the shards are
    // asked again from their heads.
    long deadline = System.nanoTime() + WAIT.toNanos() + ShardRangeSync.CURSOR_TTL.toNanos();
    while (!(b.chain.shardBlocks.size() == 4
        && b.chain.shardBlocks.values().stream().allMatch(l -> l.size() == 12))) {
      assertThat(System.nanoTime()).as("shards synced again in time").isLessThan(deadline);
      Thread.sleep(50);
    }
    for (int shard = 0; shard < 4; shard++) {
      assertThat(b.chain.shardBlocks.get(shard))
          .containsExactlyElementsOf(a.chain.shardBlocks.get(shard));
    }
  }

  @Test
  void blocksByRootReturnsTheAskedBlocks() throws Exception {
    List<SignedBeaconBlock> chain = P2PFixtures.chain(10, P2PFixtures.GOOD_SIGNATURE);
    Node a = start(new FakeChain().withBlocks(chain));
    Node b = start(new FakeChain().withBlocks(chain));
    connect(b, a);
    List<Bytes32> roots =
        List.of(
            CODECS.beaconBlockRoot(chain.get(3)),
            Bytes32.random(),
            CODECS.beaconBlockRoot(chain.get(7)));
    List<SignedBeaconBlock> got =
        b.network.requestBeaconBlocksByRoot(a.network.peerId(), roots).get(10, TimeUnit.SECONDS);
    assertThat(got).containsExactly(chain.get(3), chain.get(7));
    assertThat(b.network.peerStatus(a.network.peerId()).map(StatusMessage::headSlot))
        .contains(chain.get(9).message().slot());
  }
}
