package io.basalt.node.p2p;

import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Attestation;
import io.basalt.networking.gossip.TopicValidator;
import io.basalt.networking.gossip.ValidationResult;
import io.basalt.networking.gossip.host.GossipService;
import io.basalt.networking.identity.PeerId;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.apache.tuweni.bytes.Bytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gossip validation between the router and the chain: sizes are checked on the router thread (so an
 * oversize message costs nothing more), then the message waits in its kind's bounded queue for that
 * kind's worker, which decompresses and decodes it and hands it to the matching {@link
 * GossipHandlers} method. Garbage never reaches a handler: it is REJECTed with the reason, and
 * gossip then scores the sender (P4) and reports it to the peer manager. A full queue IGNOREs the
 * message and counts a drop; a handler that throws or fails gives IGNORE. Every verdict is counted
 * per topic.
 *
 * <p>One single-thread worker per kind, so a flood of attestations cannot delay blocks.
 */
final class GossipValidation implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GossipValidation.class);

  private final SszCodecs codecs;
  private final GossipHandlers handlers;
  private final P2PMetricsListener metrics;
  private final Map<TopicKind, ThreadPoolExecutor> workers = new EnumMap<>(TopicKind.class);

  GossipValidation(SszCodecs codecs, GossipHandlers handlers, P2PMetricsListener metrics) {
    this(codecs, handlers, metrics, TopicKind::queueCapacity);
  }

  /** With other queue capacities (tests fill a small queue). */
  GossipValidation(
      SszCodecs codecs,
      GossipHandlers handlers,
      P2PMetricsListener metrics,
      ToIntFunction<TopicKind> capacities) {
    this.codecs = codecs;
    this.handlers = handlers;
    this.metrics = metrics;
    for (TopicKind kind : TopicKind.values()) {
      ThreadPoolExecutor worker =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(capacities.applyAsInt(kind)),
              r -> {
                Thread thread = new Thread(r, "gossip-" + kind.queueName());
                thread.setDaemon(true);
                return thread;
              });
      workers.put(kind, worker);
    }
  }

  /** The validator gossip calls for {@code topic}. */
  TopicValidator validator(GossipTopic topic) {
    return (from, message) ->
        validate(GossipService.peerId(from), topic, message.data().toArrayUnsafe())
            .thenApply(Verdict::result);
  }

  /** Validates one payload received on {@code topic}; the verdict is also counted. */
  CompletableFuture<Verdict> validate(PeerId from, GossipTopic topic, byte[] payload) {
    return admit(from, topic, payload)
        .thenApply(
            verdict -> {
              metrics.gossipVerdict(topic.name(), verdict.result());
              if (isWorthALogLine(topic, verdict)) {
                LOG.info(
                    "{} from {} on {}: {}", verdict.result(), from, topic.name(), verdict.reason());
              } else if (verdict.result() != ValidationResult.ACCEPT) {
                LOG.debug(
                    "{} from {} on {}: {}", verdict.result(), from, topic.name(), verdict.reason());
              }
              return verdict;
            });
  }

  /**
   * Rejections are rare (a rejected sender is graylisted at once) and always worth a line; so are
   * ignored beacon blocks (future, unknown parent, …), one per slot at most from honest peers.
   * Other ignores (a full queue, a late attestation) are routine and stay at debug.
   */
  private static boolean isWorthALogLine(GossipTopic topic, Verdict verdict) {
    return verdict.result() == ValidationResult.REJECT
        || (verdict.result() == ValidationResult.IGNORE && topic.kind() == TopicKind.BEACON_BLOCK);
  }

  private CompletableFuture<Verdict> admit(PeerId from, GossipTopic topic, byte[] payload) {
    TopicKind kind = topic.kind();
    try {
      GossipEncoding.checkSizes(payload, kind.maxUncompressedBytes());
    } catch (MalformedMessageException e) {
      return CompletableFuture.completedFuture(Verdict.reject(e.getMessage()));
    }
    CompletableFuture<Verdict> result = new CompletableFuture<>();
    try {
      workers.get(kind).execute(() -> process(from, topic, payload, result));
    } catch (RejectedExecutionException e) {
      metrics.queueDropped(kind.queueName());
      result.complete(Verdict.ignore(kind.queueName() + " queue full"));
    }
    return result;
  }

  private void process(
      PeerId from, GossipTopic topic, byte[] payload, CompletableFuture<Verdict> result) {
    try {
      Bytes ssz = GossipEncoding.decompress(payload, topic.kind().maxUncompressedBytes());
      dispatch(from, topic, ssz)
          .whenComplete(
              (verdict, error) ->
                  result.complete(
                      verdict != null ? verdict : Verdict.ignore("handler failed: " + error)));
    } catch (MalformedMessageException e) {
      result.complete(Verdict.reject(e.getMessage()));
    } catch (RuntimeException e) {
      LOG.warn("Gossip handler for {} threw", topic.name(), e);
      result.complete(Verdict.ignore("handler threw: " + e));
    }
  }

  private CompletableFuture<Verdict> dispatch(PeerId from, GossipTopic topic, Bytes ssz) {
    int index = topic.index();
    return switch (topic.kind()) {
      case BEACON_BLOCK -> handlers.onBeaconBlock(from, codecs.decodeBeaconBlock(ssz));
      case AGGREGATE_AND_PROOF ->
          handlers.onAggregateAndProof(from, codecs.decodeAggregateAndProof(ssz));
      case ATTESTATION -> {
        Attestation attestation = codecs.decodeAttestation(ssz);
        int shard = attestation.data().shard().id();
        if (shard != index) {
          throw new MalformedMessageException(
              "attestation of shard " + shard + " on subnet " + index);
        }
        yield handlers.onAttestation(from, index, attestation);
      }
      case SHARD_BLOCK -> {
        SignedShardBlock block = codecs.decodeShardBlock(ssz);
        int shard = block.message().header().shard().id();
        if (shard != index) {
          throw new MalformedMessageException(
              "block of shard " + shard + " on topic shard_block_" + index);
        }
        yield handlers.onShardBlock(from, block);
      }
      case SHARD_TRANSACTION ->
          handlers.onShardTransactions(
              from, ShardId.of(index), codecs.decodeShardTransactions(ssz));
      case VOLUNTARY_EXIT -> handlers.onVoluntaryExit(from, codecs.decodeVoluntaryExit(ssz));
      case PROPOSER_SLASHING ->
          handlers.onProposerSlashing(from, codecs.decodeProposerSlashing(ssz));
      case ATTESTER_SLASHING ->
          handlers.onAttesterSlashing(from, codecs.decodeAttesterSlashing(ssz));
    };
  }

  @Override
  public void close() {
    workers.values().forEach(ThreadPoolExecutor::shutdownNow);
  }
}
