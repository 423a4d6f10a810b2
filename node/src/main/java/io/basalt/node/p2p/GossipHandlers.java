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
import org.apache.tuweni.bytes.Bytes;

/**
 * The chain side of gossip: validates (and on ACCEPT, processes) one decoded message.
 *
 * <p>Called on the network's gossip worker threads, one worker per message kind, so a method may
 * block briefly; long work should complete the future from elsewhere. Messages reach a handler only
 * after they decoded as the topic's type (and, for subnet and shard topics, named the topic's
 * subnet or shard). A failed future counts as IGNORE.
 */
public interface GossipHandlers {

  CompletableFuture<Verdict> onBeaconBlock(PeerId from, SignedBeaconBlock block);

  CompletableFuture<Verdict> onAggregateAndProof(PeerId from, SignedAggregateAndProof aggregate);

  CompletableFuture<Verdict> onAttestation(PeerId from, int subnet, Attestation attestation);

  CompletableFuture<Verdict> onShardBlock(PeerId from, SignedShardBlock block);

  /** One {@code shard_tx_<i>} message: one or more raw transactions of {@code shard}. */
  CompletableFuture<Verdict> onShardTransactions(
      PeerId from, ShardId shard, List<Bytes> rawTransactions);

  CompletableFuture<Verdict> onVoluntaryExit(PeerId from, SignedVoluntaryExit exit);

  CompletableFuture<Verdict> onProposerSlashing(PeerId from, ProposerSlashing slashing);

  CompletableFuture<Verdict> onAttesterSlashing(PeerId from, AttesterSlashing slashing);
}
