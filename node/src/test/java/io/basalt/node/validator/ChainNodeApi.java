package io.basalt.node.validator;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainFixture;
import io.basalt.beacon.chain.imports.ImportResult;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.epoch.EpochProcessor;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoiceException;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.validator.api.BeaconNodeApi;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A single beacon node for validator client tests: the real chain services of {@link ChainFixture}
 * (store, fork choice, import pipeline with BLS verification, attestation pool, block factory) on
 * the protocol's state transition with full epoch processing, from the 64-validator interop
 * genesis. Published blocks go through the import pipeline; published attestations go to the pool
 * and fork choice. Shard blocks are minimal (empty bodies on a zero parent): the shard chain itself
 * is not under test here, only what the client signs. Everything published is recorded.
 */
final class ChainNodeApi implements BeaconNodeApi {

  final ChainFixture chain =
      ChainFixture.genesisOnSpec(
          InMemoryKvStore.create(BasaltSchema.SCHEMA), new EpochProcessor(ChainFixture.CONFIG));
  final List<SignedBeaconBlock> publishedBlocks = new ArrayList<>();
  final List<ImportResult<ImportedBlock>> importResults = new ArrayList<>();
  final List<Attestation> publishedAttestations = new ArrayList<>();
  final List<SignedAggregateAndProof> publishedAggregates = new ArrayList<>();
  final List<SignedShardBlock> publishedShardBlocks = new ArrayList<>();
  private final Map<Bytes32, AttestationData> dataByRoot = new HashMap<>();
  private final Set<String> live = new HashSet<>();
  private final Set<String> foreignLive = new HashSet<>();
  private boolean synced = true;
  private final Set<ShardId> syncingShards = new HashSet<>();

  /** Moves the node's clock into {@code slot}, as its slot timer would. */
  void tick(Slot slot) {
    chain.setSlot(slot.value().longValue());
    chain.forkChoice.onTick(UInt64.valueOf(chain.nowMillis.get() / 1000));
    chain.attestationPool.prune(slot);
  }

  void setSynced(boolean synced) {
    this.synced = synced;
  }

  /** Marks {@code shard}'s chain as catching up with peers. */
  void setShardSyncing(ShardId shard) {
    syncingShards.add(shard);
  }

  /** Another client attests with {@code validator}'s key in {@code epoch}. */
  void markForeignAttestation(ValidatorIndex validator, Epoch epoch) {
    foreignLive.add(validator + "@" + epoch);
  }

  Bytes32 head() {
    try {
      return chain.forkChoice.getHead();
    } catch (ForkChoiceException e) {
      throw new IllegalStateException(e);
    }
  }

  BeaconState headState() {
    try {
      return chain.states.stateOf(head()).orElseThrow();
    } catch (BlockTransitionException e) {
      throw new IllegalStateException(e);
    }
  }

  Checkpoint finalized() {
    return chain.store.finalizedCheckpoint();
  }

  @Override
  public SpecConfig config() {
    return ChainFixture.CONFIG;
  }

  @Override
  public Bytes32 genesisValidatorsRoot() {
    return headState().genesisValidatorsRoot();
  }

  @Override
  public boolean isSynced() {
    return synced;
  }

  @Override
  public boolean isShardSynced(ShardId shard) {
    return synced && !syncingShards.contains(shard);
  }

  @Override
  public Optional<BeaconState> dutyState(Slot slot) {
    BeaconState head = headState();
    if (head.slot().isAfter(slot)) {
      return Optional.empty();
    }
    try {
      return Optional.of(chain.transition.advanceTo(head, slot));
    } catch (BlockTransitionException e) {
      return Optional.empty();
    }
  }

  @Override
  public BeaconBlock produceBlock(
      Slot slot, ValidatorIndex proposer, Bytes randaoReveal, Bytes32 graffiti)
      throws BlockProductionException {
    BeaconState pre = dutyState(slot).orElseThrow(() -> new BlockProductionException("no state"));
    return chain.blockFactory.createBlock(pre, slot, proposer, randaoReveal, graffiti, List.of());
  }

  @Override
  public void publishBlock(SignedBeaconBlock block) {
    publishedBlocks.add(block);
    importResults.add(chain.pipeline.process(block));
  }

  @Override
  public AttestationData attestationData(Slot slot, ShardId shard) {
    Bytes32 head = head();
    BeaconState state = dutyState(slot).orElseThrow();
    var accessors = chain.accessors;
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
        Bytes32.ZERO);
  }

  @Override
  public void publishAttestation(Attestation attestation) {
    publishedAttestations.add(attestation);
    AttestationData data = attestation.data();
    dataByRoot.put(data.hashTreeRoot(), data);
    chain.attestationPool.add(attestation);
    BeaconState state = dutyState(data.slot()).orElseThrow();
    List<ValidatorIndex> attesters = chain.accessors.getAttestingIndices(state, attestation);
    chain.forkChoice.onAttestation(attesters, data.beaconBlockRoot(), data.target().epoch());
    attesters.forEach(v -> live.add(v + "@" + data.target().epoch()));
  }

  @Override
  public Optional<Attestation> aggregate(Slot slot, Bytes32 attestationDataRoot) {
    AttestationData data = dataByRoot.get(attestationDataRoot);
    if (data == null) {
      return Optional.empty();
    }
    return chain.attestationPool.aggregatesFor(data).stream()
        .max(Comparator.comparingInt(a -> a.aggregationBits().bitCount()));
  }

  @Override
  public void publishAggregateAndProof(SignedAggregateAndProof aggregate) {
    publishedAggregates.add(aggregate);
  }

  @Override
  public Optional<ShardBlock> produceShardBlock(ShardId shard, Slot slot, ValidatorIndex proposer) {
    ShardBlockHeader header =
        new ShardBlockHeader(
            shard,
            slot,
            proposer,
            Bytes32.ZERO,
            head(),
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            UInt64.ZERO,
            UInt64.valueOf(30_000_000),
            BigInteger.ZERO,
            Address.ZERO);
    return Optional.of(new ShardBlock(header, ShardBlockBody.EMPTY));
  }

  @Override
  public void publishShardBlock(SignedShardBlock block) {
    publishedShardBlocks.add(block);
  }

  @Override
  public boolean isLive(ValidatorIndex validator, Epoch epoch) {
    String key = validator + "@" + epoch;
    return live.contains(key) || foreignLive.contains(key);
  }
}
