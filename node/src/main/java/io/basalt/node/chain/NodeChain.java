package io.basalt.node.chain;

import io.basalt.beacon.chain.gossip.AttestationGossipHandler.VerdictListener;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.shard.ShardService;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.transition.BeaconSettlementView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The node's chains behind one facade: the beacon and shard services on the chain thread, and the
 * network to publish on. What validators, peers and sync ask of the node goes through here; every
 * method hops onto the chain thread.
 */
public final class NodeChain<P> {

  /** Where our own messages go (the p2p network, or nowhere in a node without peers). */
  public interface Publisher {
    Publisher NONE =
        new Publisher() {
          @Override
          public void beaconBlock(SignedBeaconBlock block) {}

          @Override
          public void attestation(Attestation attestation) {}

          @Override
          public void aggregate(SignedAggregateAndProof aggregate) {}

          @Override
          public void shardBlock(SignedShardBlock block) {}
        };

    void beaconBlock(SignedBeaconBlock block);

    void attestation(Attestation attestation);

    void aggregate(SignedAggregateAndProof aggregate);

    void shardBlock(SignedShardBlock block);
  }

  private final ChainExecutor executor;
  private final BeaconService<P> beacon;
  private final ShardService<P> shards;
  private final P self;
  private final Map<Bytes32, AttestationData> recentVotes =
      new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, AttestationData> eldest) {
          return size() > 1024;
        }
      };
  private volatile Publisher publisher = Publisher.NONE;
  private final ChainEventBus events = new ChainEventBus();
  private final ChainEventSource eventSource;

  public NodeChain(
      ChainExecutor executor, BeaconService<P> beacon, ShardService<P> shards, P self) {
    this.executor = executor;
    this.beacon = beacon;
    this.shards = shards;
    this.self = self;
    this.eventSource = new ChainEventSource(events, beacon, shards);
  }

  /** Chain events for listeners outside the chain (RPC subscriptions, filters). */
  public ChainEventBus events() {
    return events;
  }

  /** What fires {@link #events()}; call it on the chain thread only. */
  public ChainEventSource eventSource() {
    return eventSource;
  }

  public void setPublisher(Publisher publisher) {
    this.publisher = publisher;
  }

  public ChainExecutor executor() {
    return executor;
  }

  public BeaconService<P> beacon() {
    return beacon;
  }

  public ShardService<P> shards() {
    return shards;
  }

  public P self() {
    return self;
  }

  /**
   * The Layer-1 facts the Settlement contract reads for {@code shard} at {@code slot} (chain id,
   * justified and finalized crosslinked shard slots), as of the beacon head. Chain thread only.
   */
  public SettlementView settlementView(ShardId shard, Slot slot) {
    return BeaconSettlementView.of(config(), shards.beaconView(), beacon.headState(), shard, slot);
  }

  public SpecConfig config() {
    return beacon.config();
  }

  /** Slot start on the chain thread: fork choice time, pools, shard bookkeeping. */
  public void onSlotStart(Slot slot) {
    executor.call(
        () -> {
          beacon.onSlotStart(slot);
          shards.onSlotStart(slot);
          eventSource.check();
          return null;
        });
  }

  // ---- validator side ----

  public Optional<BeaconState> dutyState(Slot slot) {
    return executor.call(() -> beacon.stateAt(beacon.head(), slot));
  }

  public BeaconBlock produceBlock(
      Slot slot, ValidatorIndex proposer, Bytes randaoReveal, Bytes32 graffiti)
      throws BlockProductionException {
    Object result =
        executor.call(
            () -> {
              Optional<BeaconState> headState = beacon.stateAt(beacon.head(), slot);
              if (headState.isEmpty()) {
                // The duty runs late: a block of this slot or a later one is the head already.
                return new BlockProductionException(
                    "the head is at slot " + beacon.headSlot() + ", past slot " + slot);
              }
              BeaconState state = headState.get();
              try {
                return beacon
                    .blockFactory()
                    .createBlock(
                        state,
                        slot,
                        proposer,
                        randaoReveal,
                        graffiti,
                        shards.shardHeaders(slot, state),
                        shards.stakingReceipts(state));
              } catch (BlockProductionException e) {
                return e;
              }
            });
    if (result instanceof BlockProductionException e) {
      throw e;
    }
    return (BeaconBlock) result;
  }

  /** Imports our own block and gossips it. */
  public Optional<ImportRejection> publishBlock(SignedBeaconBlock block) {
    Optional<ImportRejection> outcome = executor.call(() -> beacon.onBlock(self, block));
    publisher.beaconBlock(block);
    return outcome;
  }

  /**
   * The vote of a committee member of {@code (slot, shard)} on our head now; if a later slot's
   * block already arrived (the duty runs late), on that head's ancestor at {@code slot}.
   */
  public AttestationData attestationData(Slot slot, ShardId shard) {
    return executor.call(
        () -> {
          Bytes32 head = beacon.headAt(slot);
          BeaconState state = beacon.stateAt(head, slot).orElseThrow();
          BeaconStateAccessors accessors = beacon.accessors();
          Epoch epoch = accessors.misc().computeEpochAtSlot(slot);
          Slot epochStart = accessors.misc().computeStartSlotAtEpoch(epoch);
          Bytes32 targetRoot =
              epochStart.equals(slot) ? head : accessors.getBlockRootAtSlot(state, epochStart);
          return new AttestationData(
              slot,
              shard,
              head,
              state.currentJustifiedCheckpoint(),
              new Checkpoint(epoch, targetRoot),
              shards.shardHeadRoot(shard, slot));
        });
  }

  public void publishAttestation(Attestation attestation) {
    executor.execute(
        () -> {
          recentVotes.put(attestation.data().hashTreeRoot(), attestation.data());
          beacon.onAttestation(attestation, VerdictListener.NONE);
        });
    publisher.attestation(attestation);
  }

  public Optional<Attestation> aggregate(Slot slot, Bytes32 dataRoot) {
    return executor.call(
        () ->
            Optional.ofNullable(recentVotes.get(dataRoot))
                .filter(data -> data.slot().equals(slot))
                .flatMap(
                    data ->
                        beacon.attestationPool().aggregatesFor(data).stream()
                            .max(
                                (a, b) ->
                                    Integer.compare(
                                        a.aggregationBits().bitCount(),
                                        b.aggregationBits().bitCount()))));
  }

  public void publishAggregate(SignedAggregateAndProof aggregate) {
    publisher.aggregate(aggregate);
  }

  public Optional<ShardBlock> produceShardBlock(ShardId shard, Slot slot, ValidatorIndex proposer) {
    return executor.call(() -> shards.produce(shard, slot, proposer));
  }

  public void publishShardBlock(SignedShardBlock block) {
    boolean kept = executor.call(() -> shards.addOwn(block));
    if (kept) {
      publisher.shardBlock(block);
    }
  }

  public boolean isLive(ValidatorIndex validator, Epoch epoch) {
    return beacon.isLive(validator, epoch);
  }

  // ---- status ----

  /** A consistent snapshot for status lines, metrics and the status handshake. */
  public record Status(
      Slot currentSlot,
      Bytes32 headRoot,
      Slot headSlot,
      Checkpoint justified,
      Checkpoint finalized,
      long[] shardHeights,
      int[] mempoolSizes,
      int[] mempoolQueued) {}

  public Status status() {
    return executor.call(
        () -> {
          long[] heights = new long[shards.shardCount()];
          int[] pools = new int[shards.shardCount()];
          int[] queued = new int[shards.shardCount()];
          for (int shard = 0; shard < heights.length; shard++) {
            heights[shard] = shards.headSlot(ShardId.of(shard)).value().longValue();
            pools[shard] = shards.mempool(ShardId.of(shard)).size();
            queued[shard] = shards.mempool(ShardId.of(shard)).queuedCount();
          }
          Bytes32 head = beacon.head();
          return new Status(
              beacon.currentSlot(),
              head,
              beacon.store().summary(head).map(BlockSummary::slot).orElse(Slot.ZERO),
              beacon.justifiedCheckpoint(),
              beacon.finalizedCheckpoint(),
              heights,
              pools,
              queued);
        });
  }

  /** Called by the beacon service's listener after an import, on the chain thread. */
  public void onBlockImported(ImportedBlock imported) {
    shards.onBeaconBlockImported();
    eventSource.check();
  }
}
