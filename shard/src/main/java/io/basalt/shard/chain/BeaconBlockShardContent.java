package io.basalt.shard.chain;

import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.transition.ShardProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What a beacon proposer takes from a node's shard chains: the shard headers to crosslink and the
 * staking receipts to queue, each valid on the proposer's pre-state. The node and the shard
 * simulator both build beacon blocks with it.
 */
public final class BeaconBlockShardContent {

  private final ShardProtocol protocol;
  private final BeaconStateAccessors accessors;
  private final ChainStore beaconStore;

  public BeaconBlockShardContent(ShardProtocol protocol, ChainStore beaconStore) {
    this.protocol = protocol;
    this.accessors = protocol.accessors();
    this.beaconStore = beaconStore;
  }

  /**
   * The headers a beacon block at {@code slot} on {@code preState} proposes: per shard, the blocks
   * from the crosslinked one to the shard head ({@code head} of the chain on that state) that the
   * state does not hold as pending, oldest first, stopping at the first the beacon chain would
   * refuse (its descendants would be refused too).
   */
  public List<SignedShardBlockHeader> shardHeaders(
      List<ShardChain> chains,
      Slot slot,
      BeaconState preState,
      BiFunction<ShardChain, BeaconState, Bytes32> head) {
    List<SignedShardBlockHeader> headers = new ArrayList<>();
    List<PendingShardHeader> pending = new ArrayList<>();
    pending.addAll(preState.previousEpochPendingShardHeaders().toList());
    pending.addAll(preState.currentEpochPendingShardHeaders().toList());
    Epoch previous = accessors.getPreviousEpoch(preState);
    for (ShardChain chain : chains) {
      Crosslink latest = preState.latestCrosslinks().get(chain.shard().id());
      List<Crosslink> sameShard =
          pending.stream()
              .map(PendingShardHeader::crosslink)
              .filter(c -> c.shard().equals(chain.shard()))
              .toList();
      int added = 0;
      for (SignedShardBlock block :
          pathFrom(chain, latest.shardBlockRoot(), head.apply(chain, preState))) {
        ShardBlockHeader header = block.message().header();
        if (sameShard.stream().anyMatch(c -> c.shardBlockRoot().equals(block.root()))) {
          continue;
        }
        long sameSlot = sameShard.stream().filter(c -> c.slot().equals(header.slot())).count();
        if (added == BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD
            || header.slot().isAfter(slot)
            || accessors.misc().computeEpochAtSlot(header.slot()).isBefore(previous)
            || sameSlot >= BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD
            || !isRecentOnChain(preState, header)) {
          break;
        }
        headers.add(block.signedHeader());
        added++;
      }
    }
    return headers;
  }

  /**
   * The staking receipts a beacon block on {@code preState} can queue: per shard, those after the
   * state's cursor in the outbox of the crosslinked block, each with its branch under that outbox's
   * root (the crosslink's {@code receiptsRoot}), at most {@code MAX_DEPOSITS} in all.
   */
  public List<StakingReceiptProof> stakingReceipts(List<ShardChain> chains, BeaconState preState) {
    List<StakingReceiptProof> proofs = new ArrayList<>();
    int max = protocol.config().maxDeposits();
    for (ShardChain chain : chains) {
      int shard = chain.shard().id();
      Bytes32 crosslinked = preState.latestCrosslinks().get(shard).shardBlockRoot();
      Optional<ShardOutbox> outbox = chain.outboxAfter(crosslinked);
      if (outbox.isEmpty()) {
        continue; // a crosslinked block this node has not imported (yet): nothing to prove
      }
      long count = outbox.get().stakingCount().longValue();
      for (long index = preState.stakingReceiptCursors().get(shard).longValue();
          index < count && proofs.size() < max;
          index++) {
        proofs.add(
            new StakingReceiptProof(
                outbox.get().toBeacon().get(index),
                outbox.get().proveStakingReceipt(protocol.schemas().outbox(), index)));
      }
    }
    return proofs;
  }

  /** Whether the header's beacon block is the state's block root at its own slot. */
  private boolean isRecentOnChain(BeaconState state, ShardBlockHeader header) {
    return beaconStore
        .summary(header.beaconBlockRoot())
        .filter(s -> s.slot().isBefore(state.slot()))
        .filter(
            s ->
                state.slot().value().minus(s.slot().value()).longValue()
                    < protocol.config().slotsPerHistoricalRoot())
        .filter(s -> accessors.getBlockRootAtSlot(state, s.slot()).equals(s.root()))
        .isPresent();
  }

  /** The blocks after {@code from} up to {@code to}, oldest first; empty if not one chain. */
  private static List<SignedShardBlock> pathFrom(ShardChain chain, Bytes32 from, Bytes32 to) {
    List<SignedShardBlock> path = new ArrayList<>();
    Bytes32 cursor = to;
    while (!cursor.equals(from)) {
      Optional<SignedShardBlock> block = chain.block(cursor);
      if (block.isEmpty()) {
        return List.of();
      }
      path.add(block.get());
      cursor = block.get().message().header().parentRoot();
    }
    return path.reversed();
  }
}
