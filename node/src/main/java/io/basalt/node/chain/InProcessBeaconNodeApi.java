package io.basalt.node.chain;

import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.validator.api.BeaconNodeApi;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** The validator client's view of this node, in the same process: calls go to {@link NodeChain}. */
public final class InProcessBeaconNodeApi implements BeaconNodeApi {

  private final NodeChain<PeerId> chain;
  private final Bytes32 genesisValidatorsRoot;
  private final BooleanSupplier beaconSyncing;
  private final Predicate<ShardId> shardSyncing;

  /**
   * @param beaconSyncing whether the beacon chain is catching up with peers
   * @param shardSyncing whether a shard is catching up with peers
   */
  public InProcessBeaconNodeApi(
      NodeChain<PeerId> chain,
      Bytes32 genesisValidatorsRoot,
      BooleanSupplier beaconSyncing,
      Predicate<ShardId> shardSyncing) {
    this.chain = chain;
    this.genesisValidatorsRoot = genesisValidatorsRoot;
    this.beaconSyncing = beaconSyncing;
    this.shardSyncing = shardSyncing;
  }

  @Override
  public SpecConfig config() {
    return chain.config();
  }

  @Override
  public Bytes32 genesisValidatorsRoot() {
    return genesisValidatorsRoot;
  }

  @Override
  public boolean isSynced() {
    return !beaconSyncing.getAsBoolean();
  }

  @Override
  public boolean isShardSynced(ShardId shard) {
    return isSynced() && !shardSyncing.test(shard);
  }

  @Override
  public Optional<BeaconState> dutyState(Slot slot) {
    return chain.dutyState(slot);
  }

  @Override
  public BeaconBlock produceBlock(
      Slot slot, ValidatorIndex proposer, Bytes randaoReveal, Bytes32 graffiti)
      throws BlockProductionException {
    return chain.produceBlock(slot, proposer, randaoReveal, graffiti);
  }

  @Override
  public void publishBlock(SignedBeaconBlock block) {
    chain.publishBlock(block);
  }

  @Override
  public AttestationData attestationData(Slot slot, ShardId shard) {
    return chain.attestationData(slot, shard);
  }

  @Override
  public void publishAttestation(Attestation attestation) {
    chain.publishAttestation(attestation);
  }

  @Override
  public Optional<Attestation> aggregate(Slot slot, Bytes32 attestationDataRoot) {
    return chain.aggregate(slot, attestationDataRoot);
  }

  @Override
  public void publishAggregateAndProof(SignedAggregateAndProof aggregate) {
    chain.publishAggregate(aggregate);
  }

  @Override
  public Optional<ShardBlock> produceShardBlock(ShardId shard, Slot slot, ValidatorIndex proposer) {
    return chain.produceShardBlock(shard, slot, proposer);
  }

  @Override
  public void publishShardBlock(SignedShardBlock block) {
    chain.publishShardBlock(block);
  }

  @Override
  public boolean isLive(ValidatorIndex validator, Epoch epoch) {
    return chain.isLive(validator, epoch);
  }
}
