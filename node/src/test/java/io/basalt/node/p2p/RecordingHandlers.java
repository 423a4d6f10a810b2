package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Attestation;
import io.basalt.networking.identity.PeerId;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;

/** Records every message handed over and answers with a configurable verdict. */
class RecordingHandlers implements GossipHandlers {

  final List<Object> received = new CopyOnWriteArrayList<>();
  volatile Supplier<Verdict> verdict = Verdict::accept;

  private CompletableFuture<Verdict> record(Object message) {
    received.add(message);
    return CompletableFuture.completedFuture(verdict.get());
  }

  @Override
  public CompletableFuture<Verdict> onBeaconBlock(PeerId from, SignedBeaconBlock block) {
    return record(block);
  }

  @Override
  public CompletableFuture<Verdict> onAggregateAndProof(
      PeerId from, SignedAggregateAndProof aggregate) {
    return record(aggregate);
  }

  @Override
  public CompletableFuture<Verdict> onAttestation(
      PeerId from, int subnet, Attestation attestation) {
    return record(attestation);
  }

  @Override
  public CompletableFuture<Verdict> onShardBlock(PeerId from, SignedShardBlock block) {
    return record(block);
  }

  @Override
  public CompletableFuture<Verdict> onShardTransactions(
      PeerId from, ShardId shard, List<Bytes> raw) {
    return record(raw);
  }

  @Override
  public CompletableFuture<Verdict> onVoluntaryExit(PeerId from, SignedVoluntaryExit exit) {
    return record(exit);
  }

  @Override
  public CompletableFuture<Verdict> onProposerSlashing(PeerId from, ProposerSlashing slashing) {
    return record(slashing);
  }

  @Override
  public CompletableFuture<Verdict> onAttesterSlashing(PeerId from, AttesterSlashing slashing) {
    return record(slashing);
  }
}
