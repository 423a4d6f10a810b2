package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.networking.gossip.ValidationResult;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GossipValidationTest {

  static final PeerId PEER =
      PeerId.fromPublicKey(Secp256k1PeerPrivateKey.random(new SecureRandom()).publicKey());

  static final class CountingMetrics implements P2PMetricsListener {
    final Map<String, AtomicInteger> dropped = new ConcurrentHashMap<>();
    final List<String> verdicts = new CopyOnWriteArrayList<>();

    @Override
    public void gossipVerdict(String topicName, ValidationResult result) {
      verdicts.add(topicName + ":" + result);
    }

    @Override
    public void queueDropped(String queueName) {
      dropped.computeIfAbsent(queueName, k -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void peerCount(int peers) {}
  }

  private final RecordingHandlers handlers = new RecordingHandlers();
  private final CountingMetrics metrics = new CountingMetrics();
  private GossipValidation validation;

  @AfterEach
  void close() {
    if (validation != null) {
      validation.close();
    }
  }

  private static Verdict await(CompletableFuture<Verdict> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldAcceptAValidBlockAndHandItOverDecoded() throws Exception {
    validation = new GossipValidation(CODECS, handlers, metrics);
    var block =
        P2PFixtures.block(5, org.apache.tuweni.bytes.Bytes32.ZERO, P2PFixtures.GOOD_SIGNATURE);
    byte[] payload = GossipEncoding.compress(CODECS.encodeBeaconBlock(block));
    Verdict v = await(validation.validate(PEER, GossipTopic.of(TopicKind.BEACON_BLOCK), payload));
    assertThat(v.result()).isEqualTo(ValidationResult.ACCEPT);
    assertThat(handlers.received).containsExactly(block);
    assertThat(metrics.verdicts).containsExactly("beacon_block:ACCEPT");
  }

  @Test
  void shouldRejectGarbageWithoutReachingTheHandler() throws Exception {
    validation = new GossipValidation(CODECS, handlers, metrics);
    byte[] notSnappy = {3, 1, 2, 3, 4, 5, 6, 7};
    byte[] notABlock = GossipEncoding.compress(Bytes.random(40));
    for (byte[] payload : List.of(notSnappy, notABlock)) {
      Verdict v = await(validation.validate(PEER, GossipTopic.of(TopicKind.BEACON_BLOCK), payload));
      assertThat(v.result()).isEqualTo(ValidationResult.REJECT);
    }
    assertThat(handlers.received).isEmpty();
    assertThat(metrics.verdicts).containsExactly("beacon_block:REJECT", "beacon_block:REJECT");
  }

  @Test
  void shouldRejectAShardBlockOnAnotherShardsTopic() throws Exception {
    validation = new GossipValidation(CODECS, handlers, metrics);
    byte[] payload = GossipEncoding.compress(CODECS.encodeShardBlock(P2PFixtures.shardBlock(1, 3)));
    Verdict v =
        await(validation.validate(PEER, new GossipTopic(TopicKind.SHARD_BLOCK, 2), payload));
    assertThat(v.result()).isEqualTo(ValidationResult.REJECT);
    assertThat(v.reason()).contains("shard 1");
    assertThat(handlers.received).isEmpty();
  }

  @Test
  void shouldIgnoreAndCountWhenTheQueueIsFull() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    GossipHandlers blocking =
        new RecordingHandlers() {
          @Override
          public CompletableFuture<Verdict> onVoluntaryExit(PeerId from, SignedVoluntaryExit exit) {
            started.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return CompletableFuture.completedFuture(Verdict.accept());
          }
        };
    validation = new GossipValidation(CODECS, blocking, metrics, kind -> 1);
    GossipTopic topic = GossipTopic.of(TopicKind.VOLUNTARY_EXIT);
    CompletableFuture<Verdict> first =
        validation.validate(
            PEER, topic, GossipEncoding.compress(CODECS.encodeVoluntaryExit(P2PFixtures.exit(1))));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Verdict> queued =
        validation.validate(
            PEER, topic, GossipEncoding.compress(CODECS.encodeVoluntaryExit(P2PFixtures.exit(2))));
    Verdict dropped =
        await(
            validation.validate(
                PEER,
                topic,
                GossipEncoding.compress(CODECS.encodeVoluntaryExit(P2PFixtures.exit(3)))));

    assertThat(dropped.result()).isEqualTo(ValidationResult.IGNORE);
    assertThat(dropped.reason()).contains("queue full");
    assertThat(metrics.dropped.get("voluntary_exit")).hasValue(1);
    release.countDown();
    assertThat(await(first).result()).isEqualTo(ValidationResult.ACCEPT);
    assertThat(await(queued).result()).isEqualTo(ValidationResult.ACCEPT);
  }
}
