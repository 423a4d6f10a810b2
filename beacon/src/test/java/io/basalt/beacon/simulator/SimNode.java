package io.basalt.beacon.simulator;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.chain.SpecChainStateTransition;
import io.basalt.beacon.chain.gossip.AdvancedStates;
import io.basalt.beacon.chain.gossip.AttestationGossipHandler;
import io.basalt.beacon.chain.gossip.BlockGossipHandler;
import io.basalt.beacon.chain.gossip.GossipVerdict;
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
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.forkchoice.ForkChoiceException;
import io.basalt.consensus.forkchoice.OwningThread;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One simulated beacon node: its own in-memory database, chain store, state regenerator, fork
 * choice, import pipeline, pools, block factory and slashing detector, wired as the node wires
 * them, on the protocol's state transition and real BLS ({@link BlsBatchVerifier}).
 *
 * <p>It handles what the network delivers: blocks through the pipeline's stages (proposer signature
 * first, so an equivocation is noticed even if its block is never imported), blocks with an unknown
 * parent into the {@link UnknownParentQueue} with a by-root request to the sender, attestations
 * through {@link AttestationGossipHandler}, exits into the exit pool, and by-root requests from
 * peers. After each import the included operations leave the pools and the block goes to the
 * slashing detector. Everything runs on the simulator's thread, which owns fork choice.
 */
public final class SimNode implements SimNetwork.Endpoint {

  private final int id;
  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final ChainStateTransition transition;
  private final ChainStore store;
  private final StateRegenerator states;
  private final AdvancedStates advanced;
  private final ForkChoice forkChoice;
  private final BlockImportPipeline pipeline;
  private final AttestationPool attestationPool;
  private final OperationPools operationPools;
  private final OperationValidators operationValidators;
  private final BlockFactory blockFactory;
  private final SlashingDetector slashingDetector;
  private final AttestationGossipHandler attestations;
  private final BlockGossipHandler<Integer> blocks;
  private final SimScheduler scheduler;
  private final SimNetwork network;
  private final BiConsumer<Integer, ImportedBlock> importListener;
  private final SimNodeExtension extension;

  SimNode(
      SpecConfig config,
      BeaconState genesis,
      EpochTransition epochTransition,
      SimScheduler scheduler,
      SimNetwork network,
      long verifierSeed,
      SharedVerificationCache verified,
      BiConsumer<Integer, ImportedBlock> importListener,
      SimNodeExtension extension) {
    this.config = config;
    this.extension = extension;
    this.schemas = genesis.schemas();
    this.scheduler = scheduler;
    this.network = network;
    this.importListener = importListener;
    this.accessors = new BeaconStateAccessors(config);
    this.transition = new SpecChainStateTransition(new StateTransition(schemas, epochTransition));
    this.store =
        ChainStore.initialize(InMemoryKvStore.create(BasaltSchema.SCHEMA), schemas, genesis);
    this.states = new StateRegenerator(store, new HotStateCache(64), transition);
    this.advanced = new AdvancedStates(states, transition);
    OwningThread owner = OwningThread.ANY; // the simulator is single-threaded by construction
    try {
      this.forkChoice =
          ForkChoiceLoader.load(config, store, states, accessors, owner, scheduler::now);
    } catch (BlockTransitionException e) {
      throw new IllegalStateException("Cannot load fork choice at genesis", e);
    }
    // Seeded scalars keep the run reproducible; a node uses an unpredictable source.
    BlsSignatureVerifier verifier =
        verified.wrap(new BlsBatchVerifier(new SplittableRandom(verifierSeed), Runnable::run, 1));
    SignatureSets signatureSets = new SignatureSets(schemas, accessors, new PubkeyCache());
    this.pipeline =
        new BlockImportPipeline(
            accessors,
            store,
            states,
            transition,
            new BlockSignatureSets(accessors, signatureSets),
            verifier,
            forkChoice,
            scheduler::now);
    this.attestationPool =
        AttestationPool.create(config, new AttestationPacker(config, accessors), 4096);
    this.operationValidators = new OperationValidators(config, accessors, new Predicates(config));
    this.operationPools = OperationPools.create(operationValidators, 64);
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
            scheduler::after,
            this::currentSlot,
            (attestation, attesters) -> extension.onAttestation(this, attestation, attesters));
    this.id = network.join(this);
    this.blocks =
        new BlockGossipHandler<>(
            id,
            pipeline,
            slashingDetector,
            this::afterImport,
            (peer, root) -> network.send(id, peer, new SimMessage.BlockRequest(root)),
            scheduler::now,
            config.secondsPerSlot().longValue() * 1000);
  }

  /**
   * A slashing the detector built from verified attestations: pooled for a block, and the
   * equivocators' weight leaves fork choice now (spec {@code on_attester_slashing}), not only once
   * a block includes it.
   */
  private void onAttesterSlashingFound(AttesterSlashing slashing) {
    operationPools.attesterSlashings().add(slashing);
    Set<ValidatorIndex> both = new HashSet<>(slashing.attestation1().attestingIndices());
    both.retainAll(slashing.attestation2().attestingIndices());
    forkChoice.onAttesterSlashing(both);
  }

  /** Slot start: fork choice time, pool windows, queue pruning. */
  void onSlotStart(Slot slot) {
    forkChoice.onTick(UInt64.valueOf(scheduler.now() / 1000));
    attestationPool.prune(slot);
    slashingDetector.prune(slot);
    blocks.prune(accessors.misc().computeStartSlotAtEpoch(store.finalizedCheckpoint().epoch()));
  }

  @Override
  public void deliver(int from, SimMessage message) {
    switch (message) {
      case SimMessage.BlockGossip gossip -> onBlock(from, gossip.block());
      case SimMessage.AttestationGossip gossip ->
          attestations.onAttestation(
              gossip.attestation(), AttestationGossipHandler.VerdictListener.NONE);
      case SimMessage.ExitGossip gossip -> operationPools.voluntaryExits().add(gossip.exit());
      case SimMessage.BlockRequest request ->
          store
              .block(request.root())
              .ifPresent(b -> network.send(id, from, new SimMessage.BlockResponse(b)));
      case SimMessage.BlockResponse response -> onBlock(from, response.block());
      case SimMessage.Extension extra -> extension.onMessage(this, from, extra.payload());
    }
  }

  /** Imports a block this node's validator produced and gossips it. */
  void publishBlock(SignedBeaconBlock block) {
    network.broadcast(id, new SimMessage.BlockGossip(block));
    onBlock(id, block);
  }

  /** Processes an attestation this node's validator made and gossips it. */
  void publishAttestation(Attestation attestation) {
    network.broadcast(id, new SimMessage.AttestationGossip(attestation));
    attestations.onAttestation(attestation, AttestationGossipHandler.VerdictListener.NONE);
  }

  /** Pools a voluntary exit this node's validator signed and gossips it. */
  public void publishExit(SignedVoluntaryExit exit) {
    network.broadcast(id, new SimMessage.ExitGossip(exit));
    operationPools.voluntaryExits().add(exit);
  }

  /** Gossips an extension's message to every other node. */
  public void broadcastExtension(Object payload) {
    network.broadcast(id, new SimMessage.Extension(payload));
  }

  /** Sends an extension's message to node {@code to}. */
  public void sendExtension(int to, Object payload) {
    network.send(id, to, new SimMessage.Extension(payload));
  }

  private void onBlock(int from, SignedBeaconBlock block) {
    blocks.onBlock(from, block);
  }

  /** After an import: the detector sees the block, its operations leave the pools. */
  private void afterImport(ImportedBlock imported) {
    slashingDetector.onImportedBlock(imported.block(), imported.postState());
    operationPools.removeIncluded(imported.block().message());
    importListener.accept(id, imported);
    extension.onBlockImported(this, imported);
  }

  /** The slot of the simulated clock. */
  Slot currentSlot() {
    long sinceGenesis = scheduler.now() / 1000 - store.genesisTime().longValue();
    return Slot.of(Math.max(0, sinceGenesis) / config.secondsPerSlot().longValue());
  }

  /** Fork choice's head now. */
  public Bytes32 head() {
    try {
      return forkChoice.getHead();
    } catch (ForkChoiceException e) {
      throw new IllegalStateException("Fork choice of node " + id + " is inconsistent", e);
    }
  }

  /** The post-state of the current head. */
  public BeaconState headState() {
    return stateOf(head());
  }

  /** The post-state of a known block. */
  public BeaconState stateOf(Bytes32 root) {
    return advanced
        .stateAt(root, store.summary(root).orElseThrow().slot())
        .orElseThrow(() -> new IllegalStateException("No state for " + root));
  }

  /** The post-state of {@code root} advanced to {@code slot}. */
  BeaconState stateAt(Bytes32 root, Slot slot) {
    return advanced.stateAt(root, slot).orElseThrow();
  }

  /**
   * The post-state of the block {@code root} advanced to {@code slot}, if this node has the block
   * and it is not after {@code slot}.
   */
  public Optional<BeaconState> findStateAt(Bytes32 root, Slot slot) {
    Optional<BlockSummary> summary = store.summary(root);
    if (summary.isEmpty() || summary.get().slot().isAfter(slot)) {
      return Optional.empty();
    }
    return advanced.stateAt(root, slot);
  }

  public int id() {
    return id;
  }

  public Checkpoint finalizedCheckpoint() {
    return store.finalizedCheckpoint();
  }

  public Checkpoint justifiedCheckpoint() {
    return store.justifiedCheckpoint();
  }

  public ChainStore store() {
    return store;
  }

  public OperationPools operationPools() {
    return operationPools;
  }

  BlockFactory blockFactory() {
    return blockFactory;
  }

  BeaconStateAccessors accessors() {
    return accessors;
  }

  /** How often the pipeline refused a block for {@code reason}. */
  public long rejectionCount(ImportRejection.Reason reason) {
    return blocks.rejectionCount(reason);
  }

  /** How many gossip attestations got {@code verdict}. */
  public long attestationVerdicts(GossipVerdict verdict) {
    return attestations.verdictCount(verdict);
  }

  public long blockRequestsSent() {
    return blocks.blockRequestsSent();
  }

  SpecConfig config() {
    return config;
  }
}
