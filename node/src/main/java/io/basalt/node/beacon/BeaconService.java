package io.basalt.node.beacon;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.chain.SpecChainStateTransition;
import io.basalt.beacon.chain.gossip.AdvancedStates;
import io.basalt.beacon.chain.gossip.AggregateGossipHandler;
import io.basalt.beacon.chain.gossip.AttestationGossipHandler;
import io.basalt.beacon.chain.gossip.AttestationGossipHandler.DelayedExecutor;
import io.basalt.beacon.chain.gossip.AttestationGossipHandler.VerdictListener;
import io.basalt.beacon.chain.gossip.BlockGossipHandler;
import io.basalt.beacon.chain.gossip.BlockGossipHandler.ParentRequester;
import io.basalt.beacon.chain.imports.BlockImportPipeline;
import io.basalt.beacon.chain.imports.BlockSignatureSets;
import io.basalt.beacon.chain.imports.ForkChoiceLoader;
import io.basalt.beacon.chain.imports.ImportRejection;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.pool.AttestationPacker;
import io.basalt.beacon.chain.pool.AttestationPool;
import io.basalt.beacon.chain.pool.OperationPools;
import io.basalt.beacon.chain.pool.OperationValidators;
import io.basalt.beacon.chain.production.BlockFactory;
import io.basalt.beacon.chain.slashing.SlashingDetector;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.chain.store.HotStateCache;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.beacon.transition.epoch.EpochProcessor;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.forkchoice.ForkChoiceException;
import io.basalt.consensus.forkchoice.OwningThread;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.KvStore;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The node's beacon chain: its chain store on the node's database, state regenerator, fork choice,
 * import pipeline, pools, block factory, slashing detector and gossip handlers, wired as the
 * simulator's node wires them but on the wall clock and real peers ({@code P}).
 *
 * <p>Every method runs on the one chain thread that owns fork choice (the caller ensures it; the
 * {@link OwningThread} check makes a mistake fail loudly).
 */
public final class BeaconService<P> {

  /** What the rest of the node hears from the beacon chain (on the chain thread). */
  public interface Listener {
    void onBlockImported(ImportedBlock imported);

    void onAttestation(Attestation attestation, List<ValidatorIndex> attesters);
  }

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final ChainStateTransition transition;
  private final ChainStore store;
  private final AdvancedStates advanced;
  private final ForkChoice forkChoice;
  private final BlockImportPipeline pipeline;
  private final AttestationPool attestationPool;
  private final OperationPools operationPools;
  private final BlockFactory blockFactory;
  private final SlashingDetector slashingDetector;
  private final AttestationGossipHandler attestations;
  private final AggregateGossipHandler aggregates;
  private final BlockGossipHandler<P> blocks;
  private final LivenessTracker liveness;
  private final SignatureSets signatureSets;
  private final BlsSignatureVerifier verifier;
  private final LongSupplier clockMillis;
  private final Listener listener;

  private BeaconService(
      SpecConfig config,
      ChainStore store,
      P self,
      LongSupplier clockMillis,
      DelayedExecutor delayed,
      ParentRequester<P> parentRequester,
      OwningThread owner,
      Listener listener)
      throws BlockTransitionException {
    this.config = config;
    this.store = store;
    this.schemas = store.schemas();
    this.clockMillis = clockMillis;
    this.listener = listener;
    this.accessors = new BeaconStateAccessors(config);
    this.transition =
        new SpecChainStateTransition(new StateTransition(schemas, new EpochProcessor(config)));
    StateRegenerator states = new StateRegenerator(store, new HotStateCache(64), transition);
    this.advanced = new AdvancedStates(states, transition);
    this.forkChoice =
        ForkChoiceLoader.load(config, store, states, accessors, owner, clockMillis::getAsLong);
    this.verifier =
        new BlsBatchVerifier(new SplittableRandom(new SecureRandom().nextLong()), Runnable::run, 1);
    this.signatureSets = new SignatureSets(schemas, accessors, new PubkeyCache());
    this.pipeline =
        new BlockImportPipeline(
            accessors,
            store,
            states,
            transition,
            new BlockSignatureSets(accessors, signatureSets),
            verifier,
            forkChoice,
            clockMillis::getAsLong);
    this.attestationPool =
        AttestationPool.create(config, new AttestationPacker(config, accessors), 16384);
    this.operationPools =
        OperationPools.create(
            new OperationValidators(config, accessors, new Predicates(config)), 256);
    this.blockFactory =
        new BlockFactory(
            schemas,
            transition,
            attestationPool,
            operationPools.proposerSlashings(),
            operationPools.attesterSlashings(),
            operationPools.voluntaryExits());
    this.slashingDetector =
        new SlashingDetector(
            schemas,
            accessors,
            8,
            operationPools.proposerSlashings()::add,
            this::onAttesterSlashingFound);
    this.liveness = new LivenessTracker();
    this.attestations =
        new AttestationGossipHandler(
            config,
            accessors,
            forkChoice,
            advanced,
            signatureSets,
            verifier,
            attestationPool,
            slashingDetector,
            delayed,
            this::currentSlot,
            this::onAttestationAccepted);
    this.aggregates =
        new AggregateGossipHandler(
            config,
            schemas,
            accessors,
            forkChoice,
            advanced,
            verifier,
            attestations,
            this::currentSlot);
    this.blocks =
        new BlockGossipHandler<>(
            self,
            pipeline,
            slashingDetector,
            this::afterImport,
            parentRequester,
            clockMillis,
            config.secondsPerSlot().longValue() * 1000);
  }

  /**
   * Opens the beacon chain on {@code kv}: from its stored chain if it holds one for {@code
   * genesis}, else from {@code genesis}. Call on the chain thread.
   *
   * @throws IllegalStateException if the database holds another chain
   */
  public static <P> BeaconService<P> open(
      SpecConfig config,
      BeaconSchemas schemas,
      BeaconState genesis,
      KvStore kv,
      P self,
      LongSupplier clockMillis,
      DelayedExecutor delayed,
      ParentRequester<P> parentRequester,
      OwningThread owner,
      Listener listener)
      throws BlockTransitionException {
    Optional<ChainStore> stored = ChainStore.load(kv, schemas);
    ChainStore store;
    if (stored.isPresent()) {
      store = stored.get();
      Bytes32 expected =
          schemas.beaconBlock().hashTreeRoot(ChainStore.genesisBlock(schemas, genesis).message());
      if (!store.genesisRoot().equals(expected)) {
        throw new IllegalStateException(
            "The database holds another chain (genesis block "
                + store.genesisRoot()
                + ", expected "
                + expected
                + "): use another --data-dir");
      }
    } else {
      store = ChainStore.initialize(kv, schemas, genesis);
    }
    return new BeaconService<>(
        config, store, self, clockMillis, delayed, parentRequester, owner, listener);
  }

  private void onAttesterSlashingFound(AttesterSlashing slashing) {
    operationPools.attesterSlashings().add(slashing);
    Set<ValidatorIndex> both = new HashSet<>(slashing.attestation1().attestingIndices());
    both.retainAll(slashing.attestation2().attestingIndices());
    forkChoice.onAttesterSlashing(both);
  }

  private void onAttestationAccepted(Attestation attestation, List<ValidatorIndex> attesters) {
    liveness.observe(attesters, attestation.data().target().epoch());
    listener.onAttestation(attestation, attesters);
  }

  private void afterImport(ImportedBlock imported) {
    slashingDetector.onImportedBlock(imported.block(), imported.postState());
    operationPools.removeIncluded(imported.block().message());
    listener.onBlockImported(imported);
  }

  /** Slot start: fork choice time, pool windows, queue pruning. */
  public void onSlotStart(Slot slot) {
    forkChoice.onTick(UInt64.valueOf(clockMillis.getAsLong() / 1000));
    attestationPool.prune(slot);
    slashingDetector.prune(slot);
    aggregates.prune(slot);
    liveness.prune(accessors.misc().computeEpochAtSlot(slot));
    blocks.prune(accessors.misc().computeStartSlotAtEpoch(store.finalizedCheckpoint().epoch()));
  }

  /** A block from a peer, from sync, or from our own proposer ({@code from} = self). */
  public Optional<ImportRejection> onBlock(P from, SignedBeaconBlock block) {
    return blocks.onBlock(from, block);
  }

  /** A single or aggregate attestation (own or gossip); {@code verdict} hears the outcome. */
  public void onAttestation(Attestation attestation, VerdictListener verdict) {
    attestations.onAttestation(attestation, verdict);
  }

  public void onAggregate(SignedAggregateAndProof aggregate, VerdictListener verdict) {
    aggregates.onAggregate(aggregate, verdict);
  }

  /** The slot of the wall clock (genesis slot before genesis). */
  public Slot currentSlot() {
    long sinceGenesis = clockMillis.getAsLong() / 1000 - store.genesisTime().longValue();
    return Slot.of(Math.max(0, sinceGenesis) / config.secondsPerSlot().longValue());
  }

  /** Fork choice's head now. */
  public Bytes32 head() {
    try {
      return forkChoice.getHead();
    } catch (ForkChoiceException e) {
      throw new IllegalStateException("Fork choice is inconsistent", e);
    }
  }

  /**
   * The head a vote at {@code slot} names: fork choice's head, or its latest ancestor at or before
   * {@code slot} when a block of a later slot is already the head (a duty running late).
   */
  public Bytes32 headAt(Slot slot) {
    Bytes32 head = head();
    return forkChoice.ancestorAtSlot(head, slot).orElse(head);
  }

  public Slot headSlot() {
    return store.summary(head()).map(BlockSummary::slot).orElse(Slot.ZERO);
  }

  /** The post-state of {@code root} advanced to {@code slot}, if known and not after it. */
  public Optional<BeaconState> stateAt(Bytes32 root, Slot slot) {
    Optional<Slot> blockSlot =
        store
            .summary(root)
            .map(BlockSummary::slot)
            .or(() -> store.block(root).map(block -> block.message().slot()));
    if (blockSlot.isEmpty() || blockSlot.get().isAfter(slot)) {
      return Optional.empty();
    }
    return advanced.stateAt(root, slot);
  }

  /** The head's post-state. */
  public BeaconState headState() {
    Bytes32 head = head();
    return stateAt(head, headSlot()).orElseThrow(() -> new IllegalStateException("No head state"));
  }

  public boolean isLive(ValidatorIndex validator, Epoch epoch) {
    return liveness.isLive(validator, epoch);
  }

  public Checkpoint finalizedCheckpoint() {
    return store.finalizedCheckpoint();
  }

  public Checkpoint justifiedCheckpoint() {
    return store.justifiedCheckpoint();
  }

  public SpecConfig config() {
    return config;
  }

  public BeaconSchemas schemas() {
    return schemas;
  }

  public BeaconStateAccessors accessors() {
    return accessors;
  }

  public ChainStore store() {
    return store;
  }

  public BlockFactory blockFactory() {
    return blockFactory;
  }

  public AttestationPool attestationPool() {
    return attestationPool;
  }

  public OperationPools operationPools() {
    return operationPools;
  }

  public ForkChoice forkChoice() {
    return forkChoice;
  }

  public BlockImportPipeline pipeline() {
    return pipeline;
  }

  public SignatureSets signatureSets() {
    return signatureSets;
  }

  public BlsSignatureVerifier verifier() {
    return verifier;
  }

  public int waitingForParent() {
    return blocks.waitingForParent();
  }
}
