package io.basalt.node.rpc.settle;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.state.WorldState;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.rpc.RpcException;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.CommitmentProofs;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds settlement proofs from the node's chain, reading it on the chain thread. A commitment
 * proof is always against the latest finalized checkpoint: the batch record is read from the shard
 * state crosslinked in that checkpoint block's post-state.
 */
public final class ChainSettleProofData implements SettleProofData {

  private final NodeChain<?> chain;

  public ChainSettleProofData(NodeChain<?> chain) {
    this.chain = chain;
  }

  /** A value, or the message of the server error to answer with. */
  record Answer<T>(T value, String error) {

    static <T> Answer<T> of(T value) {
      return new Answer<>(value, null);
    }

    static <T> Answer<T> fail(String error) {
      return new Answer<>(null, error);
    }

    T get() throws RpcException {
      if (error != null) {
        throw RpcException.server(error);
      }
      return value;
    }
  }

  @Override
  public CommitmentProof commitmentProof(ShardId shard, long rollupId, long batchIndex)
      throws RpcException {
    return chain.executor().call(() -> buildCommitment(shard, rollupId, batchIndex)).get();
  }

  @Override
  public FinalityProof finalityProof(Optional<Epoch> epoch) throws RpcException {
    return chain.executor().call(() -> new FinalityVotes(chain.beacon()).proof(epoch)).get();
  }

  private Answer<CommitmentProof> buildCommitment(ShardId shard, long rollupId, long batchIndex) {
    String batch = "batch " + batchIndex + " of rollup " + rollupId + " on shard " + shard.id();
    ShardChain shardChain = chain.shards().chain(shard);
    Optional<WorldState> head = world(shardChain, chain.shards().headRoot(shard));
    if (head.isEmpty() || !hasBatch(head.get(), rollupId, batchIndex)) {
      return Answer.fail("unknown batch: no " + batch);
    }
    BeaconService<?> beacon = chain.beacon();
    Checkpoint finalized = beacon.finalizedCheckpoint();
    String notFinal =
        "inclusion of "
            + batch
            + " is not finalized yet (finalized epoch "
            + finalized.epoch()
            + ")";
    if (finalized.epoch().equals(Epoch.ZERO)) {
      return Answer.fail(notFinal);
    }
    Optional<SignedBeaconBlock> block = beacon.store().block(finalized.root());
    if (block.isEmpty()) {
      return Answer.fail("finalized block " + finalized.root() + " is not stored");
    }
    BeaconBlockHeader beaconHeader = beacon.schemas().blockHeader(block.get().message());
    Optional<BeaconState> state = beacon.stateAt(finalized.root(), beaconHeader.slot());
    if (state.isEmpty()) {
      return Answer.fail("the state of finalized block " + finalized.root() + " is not available");
    }
    Crosslink crosslink = state.get().latestCrosslinks().get(shard.id());
    Bytes32 shardRoot = crosslink.shardBlockRoot();
    Optional<SignedShardBlock> shardBlock =
        shardRoot.isZero() ? Optional.empty() : shardChain.block(shardRoot);
    Optional<WorldState> world = shardBlock.flatMap(b -> world(shardChain, shardRoot));
    if (world.isEmpty()) {
      return shardRoot.isZero()
          ? Answer.fail(notFinal)
          : Answer.fail("the crosslinked shard block " + shardRoot + " or its state is pruned");
    }
    if (!hasBatch(world.get(), rollupId, batchIndex)) {
      return Answer.fail(notFinal);
    }
    return Answer.of(
        CommitmentProofs.build(
            shard,
            rollupId,
            batchIndex,
            world.get(),
            shardBlock.get().message().header(),
            state.get(),
            beaconHeader,
            finalized));
  }

  private static Optional<WorldState> world(ShardChain shardChain, Bytes32 blockRoot) {
    return shardChain
        .stateAfter(blockRoot)
        .map(ShardState::accountsRoot)
        .map(root -> WorldState.open(root, shardChain.nodeStore()));
  }

  private static boolean hasBatch(WorldState world, long rollupId, long batchIndex) {
    return new SettlementStore(CommitmentProofs.settlementStorage(world))
        .rollup(rollupId)
        .map(r -> Long.compareUnsigned(batchIndex, r.batchCount()) < 0)
        .orElse(false);
  }
}
