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
import java.util.ArrayList;
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
  public CompletableFuture<Verdict> onShardTransactions(
      PeerId from, ShardId shard, List<Bytes> rawTransactions) {
    if (shard.id() >= chain.config().shardCount()) {
      return CompletableFuture.completedFuture(Verdict.reject("no shard " + shard));
    }
    List<Transaction> decoded = new ArrayList<>(rawTransactions.size());
    for (int i = 0; i < rawTransactions.size(); i++) {
      try {
        decoded.add(TransactionDecoder.decode(rawTransactions.get(i)));
      } catch (TransactionDecodingException e) {
        return CompletableFuture.completedFuture(
            Verdict.reject("transaction " + i + " undecodable: " + e.getMessage()));
      }
    }
    // Here, not on the chain thread.
    List<SenderResult> senders = decoded.stream().map(SenderRecovery::recover).toList();
    return executor.submit(
        () -> {
          int added = 0;
          AddResult firstRefusal = null;
          for (int i = 0; i < decoded.size(); i++) {
            AddResult result = chain.shards().addTransaction(shard, decoded.get(i), senders.get(i));
            if (!(result instanceof AddResult.Rejected)) {
              added++; // new here, or a replacement
            } else if (firstRefusal == null) {
              firstRefusal = result;
            }
          }
          // Passed on if anything in it was new here; what the pool refused stays harmless.
          return added > 0
              ? Verdict.accept()
              : Verdict.ignore("none of " + decoded.size() + " added, e.g. " + firstRefusal);
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
