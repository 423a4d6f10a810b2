package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static io.basalt.node.p2p.P2PFixtures.DIGEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.peers.InMemoryPeerStore;
import io.basalt.networking.reqresp.ReqRespException;
import io.basalt.networking.reqresp.ResponseCode;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain's req/resp methods between two networks on loopback. */
class ChainRequestsTest {

  private final List<SignedBeaconBlock> chain = P2PFixtures.chain(100, P2PFixtures.GOOD_SIGNATURE);
  private P2PNetwork server;
  private P2PNetwork client;

  private static P2PNetwork start(FakeChain chain) {
    P2PConfig config =
        new P2PConfig(
            "127.0.0.1",
            0,
            List.of(),
            10,
            Secp256k1PeerPrivateKey.random(new SecureRandom()),
            DIGEST,
            4,
            4);
    return P2PNetwork.start(
        config,
        CODECS,
        new RecordingHandlers(),
        chain,
        chain,
        new InMemoryPeerStore(100),
        P2PMetricsListener.NONE,
        Clock.systemUTC());
  }

  @BeforeEach
  void connect() throws Exception {
    server = start(new FakeChain().withBlocks(chain).withShardBlocks(4, 10));
    client = start(new FakeChain().withBlocks(chain));
    client
        .dial(server.listenAddresses().get(0).withPeerId(server.peerId()))
        .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private static ReqRespException failure(java.util.concurrent.CompletableFuture<?> future) {
    Throwable thrown = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class);
    assertThat(thrown.getCause()).isInstanceOf(ReqRespException.class);
    return (ReqRespException) thrown.getCause();
  }

  @Test
  void blocksByRangeServesTheCanonicalBlocksOfTheRange() throws Exception {
    List<SignedBeaconBlock> got =
        client
            .requests()
            .beaconBlocksByRange(server.peerId(), Slot.of(40), 64)
            .get(10, TimeUnit.SECONDS);
    assertThat(got).containsExactlyElementsOf(chain.subList(39, 100));
  }

  @Test
  void shardBlocksByRangeServesTheShardsBlocks() throws Exception {
    var got =
        client
            .requests()
            .shardBlocksByRange(server.peerId(), ShardId.of(2), Slot.of(3), 5)
            .get(10, TimeUnit.SECONDS);
    assertThat(got).hasSize(5);
    assertThat(got).allMatch(b -> b.message().header().shard().equals(ShardId.of(2)));
    assertThat(got.get(0).message().header().slot()).isEqualTo(Slot.of(3));
  }

  @Test
  void shardBlocksByRootServesTheAskedBlocksOfAnyShard() throws Exception {
    SignedShardBlock first = P2PFixtures.shardBlock(1, 4);
    SignedShardBlock second = P2PFixtures.shardBlock(3, 9);
    var got =
        client
            .requests()
            .shardBlocksByRoot(
                server.peerId(), List.of(first.root(), Bytes32.random(), second.root()))
            .get(10, TimeUnit.SECONDS);
    assertThat(got).containsExactly(first, second);
  }

  @Test
  void shardBlocksByRootRefusesAnEmptyRequest() {
    ReqRespException e =
        failure(
            client
                .reqResp()
                .request(
                    server.peerId(),
                    ChainProtocols.SHARD_BLOCKS_BY_ROOT,
                    ChainRequestServer.ROOTS.serialize(List.of()).toArrayUnsafe()));
    assertThat(e.responseCode()).contains(ResponseCode.INVALID_REQUEST);
    assertThat(e.getMessage()).contains("no roots asked");
  }

  @Test
  void shouldAnswerInvalidRequestForBadCountsStepsAndShards() {
    byte[] tooMany =
        BlocksByRangeRequest.SSZ.serialize(BlocksByRangeRequest.of(Slot.of(1), 65)).toArrayUnsafe();
    byte[] stepTwo =
        BlocksByRangeRequest.SSZ
            .serialize(new BlocksByRangeRequest(Slot.of(1), UInt64.valueOf(4), UInt64.valueOf(2)))
            .toArrayUnsafe();
    byte[] noShard =
        ShardBlocksByRangeRequest.SSZ
            .serialize(new ShardBlocksByRangeRequest(ShardId.of(9), Slot.of(1), UInt64.ONE))
            .toArrayUnsafe();
    ReqRespException count =
        failure(
            client
                .reqResp()
                .request(server.peerId(), ChainProtocols.BEACON_BLOCKS_BY_RANGE, tooMany));
    ReqRespException step =
        failure(
            client
                .reqResp()
                .request(server.peerId(), ChainProtocols.BEACON_BLOCKS_BY_RANGE, stepTwo));
    ReqRespException shard =
        failure(
            client
                .reqResp()
                .request(server.peerId(), ChainProtocols.SHARD_BLOCKS_BY_RANGE, noShard));
    for (ReqRespException e : List.of(count, step, shard)) {
      assertThat(e.responseCode()).contains(ResponseCode.INVALID_REQUEST);
    }
    assertThat(count.getMessage()).contains("count must be 1..64");
    assertThat(step.getMessage()).contains("step must be 1");
    assertThat(shard.getMessage()).contains("no shard");
  }

  @Test
  void shouldAnswerInvalidRequestForGarbage() {
    ReqRespException e =
        failure(
            client
                .reqResp()
                .request(
                    server.peerId(),
                    ChainProtocols.BEACON_BLOCKS_BY_ROOT,
                    Bytes.random(31).toArrayUnsafe()));
    assertThat(e.responseCode()).contains(ResponseCode.INVALID_REQUEST);
  }

  @Test
  void pingAnswersTheMetadataSequenceAndMetadataTheSubnets() throws Exception {
    assertThat(client.requests().ping(server.peerId(), UInt64.valueOf(3)).get(10, TimeUnit.SECONDS))
        .isEqualTo(UInt64.ZERO);
    MetaData metadata = client.requests().metadata(server.peerId()).get(10, TimeUnit.SECONDS);
    assertThat(metadata.attnets().size()).isEqualTo(4);
    assertThat(metadata.attnets().bitCount()).isEqualTo(4);
  }

  @Test
  void statusRequestReturnsThePeersStatus() throws Exception {
    StatusMessage theirs =
        client
            .requests()
            .status(server.peerId(), new FakeChain().status())
            .get(10, TimeUnit.SECONDS);
    assertThat(theirs.headSlot()).isEqualTo(Slot.of(100));
    assertThat(theirs.forkDigest()).isEqualTo(DIGEST);
    assertThat(StatusMessage.decode(theirs.encode())).isEqualTo(theirs);
    assertThat(theirs.encode().size()).isEqualTo(StatusMessage.SIZE);
  }
}
