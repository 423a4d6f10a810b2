package io.basalt.node.chain;

import io.basalt.beacon.chain.gossip.GossipVerdict;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Attestation;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.execution.transaction.TransactionDecodingException;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.p2p.GossipHandlers;
import io.basalt.node.p2p.Verdict;
import io.basalt.node.shard.ShardService;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.mempool.AddResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;

/**
 * Gossip from peers into the chains, on the chain thread, with the verdict gossipsub acts on:
 * ACCEPT (processed; forwarded), IGNORE (not processed, sender not at fault: known, too old,
 * waiting for a parent) or REJECT (invalid; the sender is penalised).
 */
public final class ChainGossip implements GossipHandlers {

  private final NodeChain<PeerId> chain;
  private final ChainExecutor executor;

  private final Consumer<Duration> importTimes;

  /**
   * @param importTimes hears how long each imported gossip block took on the chain thread
   */
  public ChainGossip(NodeChain<PeerId> chain, Consumer<Duration> importTimes) {
    this.chain = chain;
    this.executor = chain.executor();
    this.importTimes = importTimes;
  }

  @Override
  public CompletableFuture<Verdict> onBeaconBlock(PeerId from, SignedBeaconBlock block) {
    return executor.submit(
        () -> {
          long start = System.nanoTime();
          Optional<ImportRejection> rejection = chain.beacon().onBlock(from, block);
          if (rejection.isEmpty()) {
            importTimes.accept(Duration.ofNanos(System.nanoTime() - start));
          }
          return verdictOf(rejection);
        });
  }

  /** The gossip verdict for a pipeline outcome. */
  static Verdict verdictOf(Optional<ImportRejection> rejection) {
    if (rejection.isEmpty()) {
      return Verdict.accept();
    }
    String reason = rejection.get().reason() + ": " + rejection.get().detail();
    return switch (rejection.get().reason()) {
      case UNKNOWN_PARENT,
          ALREADY_KNOWN,
          FUTURE_SLOT,
          NOT_AFTER_FINALIZED_SLOT,
          STATE_UNAVAILABLE ->
          Verdict.ignore(reason);
      default -> Verdict.reject(reason);
    };
  }

  @Override
  public CompletableFuture<Verdict> onAggregateAndProof(
      PeerId from, SignedAggregateAndProof aggregate) {
    CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    executor.execute(
        () ->
            chain.beacon().onAggregate(aggregate, (v, reason) -> verdict.complete(of(v, reason))));
    return verdict;
  }

  @Override
  public CompletableFuture<Verdict> onAttestation(
      PeerId from, int subnet, Attestation attestation) {
    if (attestation.data().shard().id() != subnet) {
      return CompletableFuture.completedFuture(
          Verdict.reject(
              "attestation of shard " + attestation.data().shard() + " on subnet " + subnet));
    }
    CompletableFuture<Verdict> verdict = new CompletableFuture<>();
    executor.execute(
        () ->
            chain
                .beacon()
                .onAttestation(attestation, (v, reason) -> verdict.complete(of(v, reason))));
    return verdict;
  }

  private static Verdict of(GossipVerdict verdict, String reason) {
    return switch (verdict) {
      case ACCEPT -> Verdict.accept();
      case IGNORE -> Verdict.ignore(reason);
      case REJECT -> Verdict.reject(reason);
    };
  }

  @Override
  public CompletableFuture<Verdict> onShardBlock(PeerId from, SignedShardBlock block) {
    return executor.submit(
        () -> {
          ShardService<PeerId> shards = chain.shards();
          return switch (shards.onBlock(from, block)) {
            case IMPORTED -> Verdict.accept();
            case KNOWN -> Verdict.ignore("already imported");
            case WAITING -> Verdict.ignore("waiting for its parent or beacon block");
            case INVALID ->
                Verdict.reject(shards.lastInvalidReason().orElse("invalid shard block"));
          };
        });
  }

  @Override
  public CompletableFuture<Verdict> onShardTransaction(
      PeerId from, ShardId shard, Bytes rawTransaction) {
    if (shard.id() >= chain.config().shardCount()) {
      return CompletableFuture.completedFuture(Verdict.reject("no shard " + shard));
    }
    Transaction decoded;
    try {
      decoded = TransactionDecoder.decode(rawTransaction);
    } catch (TransactionDecodingException e) {
      return CompletableFuture.completedFuture(Verdict.reject("undecodable: " + e.getMessage()));
    }
    SenderResult sender = SenderRecovery.recover(decoded); // here, not on the chain thread
    return executor.submit(
        () -> {
          AddResult result = chain.shards().addTransaction(shard, decoded, sender);
          return result instanceof AddResult.Added
              ? Verdict.accept()
              : Verdict.ignore(result.toString());
        });
  }

  @Override
  public CompletableFuture<Verdict> onVoluntaryExit(PeerId from, SignedVoluntaryExit exit) {
    return executor.submit(
        () -> {
          BeaconService<PeerId> beacon = chain.beacon();
          boolean valid;
          try {
            valid =
                beacon
                    .verifier()
                    .verify(
                        List.of(beacon.signatureSets().voluntaryExit(beacon.headState(), exit)));
          } catch (RuntimeException e) {
            return Verdict.reject("malformed exit: " + e.getMessage());
          }
          if (!valid) {
            return Verdict.reject("invalid exit signature");
          }
          return beacon.operationPools().voluntaryExits().add(exit)
              ? Verdict.accept()
              : Verdict.ignore("exit already pooled or not includable");
        });
  }

  @Override
  public CompletableFuture<Verdict> onProposerSlashing(PeerId from, ProposerSlashing slashing) {
    return executor.submit(
        () ->
            chain.beacon().operationPools().proposerSlashings().add(slashing)
                ? Verdict.accept()
                : Verdict.ignore("slashing already pooled or not includable"));
  }

  @Override
  public CompletableFuture<Verdict> onAttesterSlashing(PeerId from, AttesterSlashing slashing) {
    return executor.submit(
        () ->
            chain.beacon().operationPools().attesterSlashings().add(slashing)
                ? Verdict.accept()
                : Verdict.ignore("slashing already pooled or not includable"));
  }
}
