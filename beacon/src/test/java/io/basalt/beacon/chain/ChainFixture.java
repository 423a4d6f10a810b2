package io.basalt.beacon.chain;

import io.basalt.beacon.chain.imports.BlockImportPipeline;
import io.basalt.beacon.chain.imports.BlockSignatureSets;
import io.basalt.beacon.chain.imports.ForkChoiceLoader;
import io.basalt.beacon.chain.imports.ImportResult;
import io.basalt.beacon.chain.imports.ImportedBlock;
import io.basalt.beacon.chain.pool.AttestationPacker;
import io.basalt.beacon.chain.pool.AttestationPool;
import io.basalt.beacon.chain.pool.OperationValidators;
import io.basalt.beacon.chain.production.BlockFactory;
import io.basalt.beacon.chain.production.BlockProductionException;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.chain.store.HotStateCache;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.helpers.Predicates;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.TestStates;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.forkchoice.OwningThread;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.storage.KvStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The chain services wired over one {@link KvStore} with a test clock, on the stand-in {@link
 * TestTransition} (which finalizes without votes) or on the protocol's own state transition.
 */
public final class ChainFixture {

  public static final SpecConfig CONFIG = TestStates.LOCAL;
  public static final BeaconSchemas SCHEMAS = TestStates.genesis64().schemas();

  public final BeaconStateAccessors accessors = new BeaconStateAccessors(CONFIG);
  public final ChainStateTransition transition;
  public final AtomicLong nowMillis = new AtomicLong();
  public final AtomicInteger verifierCalls = new AtomicInteger();
  public final BlsSignatureVerifier countingVerifier;
  public final ChainStore store;
  public final StateRegenerator states;
  public final AttestationPool attestationPool;
  public final BlockFactory blockFactory;
  public final ForkChoice forkChoice;
  public final BlockImportPipeline pipeline;
  private final SigningHelpers signing = new SigningHelpers();

  private ChainFixture(
      ChainStore store, int stateCacheSize, OwningThread owner, ChainStateTransition transition)
      throws BlockTransitionException {
    this.transition = transition;
    BlsSignatureVerifier real = BlsSignatureVerifier.simple();
    this.countingVerifier =
        sets -> {
          verifierCalls.incrementAndGet();
          return real.verify(sets);
        };
    this.store = store;
    this.states = new StateRegenerator(store, new HotStateCache(stateCacheSize), transition);
    this.attestationPool =
        AttestationPool.create(CONFIG, new AttestationPacker(CONFIG, accessors), 1000);
    OperationValidators validators =
        new OperationValidators(CONFIG, accessors, new Predicates(CONFIG));
    this.blockFactory =
        new BlockFactory(
            SCHEMAS,
            transition,
            attestationPool,
            validators.proposerSlashingPool(16),
            validators.attesterSlashingPool(16),
            validators.voluntaryExitPool(16));
    setSlot(store.summary(store.headRoot()).orElseThrow().slot().value().longValue());
    this.forkChoice =
        ForkChoiceLoader.load(CONFIG, store, states, accessors, owner, nowMillis::get);
    this.pipeline =
        new BlockImportPipeline(
            accessors,
            store,
            states,
            transition,
            new BlockSignatureSets(
                accessors, new SignatureSets(SCHEMAS, accessors, new PubkeyCache())),
            countingVerifier,
            forkChoice,
            nowMillis::get);
  }

  /** A new chain from the 64-validator genesis. */
  public static ChainFixture genesis(KvStore kv, int stateCacheSize) {
    return genesis(kv, stateCacheSize, OwningThread.ANY);
  }

  /** A new chain whose fork choice belongs to the thread {@code owner} accepts. */
  public static ChainFixture genesis(KvStore kv, int stateCacheSize, OwningThread owner) {
    try {
      return new ChainFixture(
          ChainStore.initialize(kv, SCHEMAS, TestStates.genesis64()),
          stateCacheSize,
          owner,
          new TestTransition(SCHEMAS, new BeaconStateAccessors(CONFIG)));
    } catch (BlockTransitionException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * A new chain from the 64-validator genesis on the protocol's state transition, with the given
   * epoch step.
   */
  public static ChainFixture genesisOnSpec(KvStore kv, EpochTransition epochTransition) {
    try {
      return new ChainFixture(
          ChainStore.initialize(kv, SCHEMAS, TestStates.genesis64()),
          8,
          OwningThread.ANY,
          new SpecChainStateTransition(new StateTransition(SCHEMAS, epochTransition)));
    } catch (BlockTransitionException e) {
      throw new AssertionError(e);
    }
  }

  /** The stand-in transition, for tests that count what it processed. */
  public TestTransition testTransition() {
    return (TestTransition) transition;
  }

  /** The chain stored in {@code kv}, as after a restart. */
  public static ChainFixture reopen(KvStore kv, int stateCacheSize) {
    try {
      return new ChainFixture(
          ChainStore.load(kv, SCHEMAS).orElseThrow(),
          stateCacheSize,
          OwningThread.ANY,
          new TestTransition(SCHEMAS, new BeaconStateAccessors(CONFIG)));
    } catch (BlockTransitionException e) {
      throw new AssertionError(e);
    }
  }

  /** Sets the clock one second into {@code slot}. */
  public void setSlot(long slot) {
    nowMillis.set(
        (TestStates.GENESIS_TIME.longValue() + slot * CONFIG.secondsPerSlot().longValue()) * 1000
            + 1000);
  }

  /** A correctly signed block at {@code slot} on {@code parentRoot}, built by the block factory. */
  public SignedBeaconBlock produce(Bytes32 parentRoot, long slot) {
    try {
      BeaconState pre =
          transition.advanceTo(states.stateOf(parentRoot).orElseThrow(), Slot.of(slot));
      ValidatorIndex proposer = accessors.getBeaconProposerIndex(pre);
      BeaconBlock block =
          blockFactory.createBlock(
              pre, Slot.of(slot), proposer, randaoReveal(pre, proposer), Bytes32.ZERO, List.of());
      return sign(pre, block);
    } catch (BlockTransitionException | BlockProductionException e) {
      throw new AssertionError(e);
    }
  }

  public Bytes randaoReveal(BeaconState state, ValidatorIndex proposer) {
    Epoch epoch = accessors.getCurrentEpoch(state);
    Bytes32 root =
        signing.computeSigningRoot(
            SszTypes.EPOCH, epoch, accessors.getDomain(state, CONFIG.domainRandao(), epoch));
    return Bls.sign(key(proposer), root).toBytes();
  }

  /** {@code block} signed by its proposer index's key. */
  public SignedBeaconBlock sign(BeaconState state, BeaconBlock block) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            CONFIG.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(block.slot()));
    Bytes32 root = signing.computeSigningRoot(SCHEMAS.beaconBlock(), block, domain);
    return new SignedBeaconBlock(block, Bls.sign(key(block.proposerIndex()), root).toBytes());
  }

  public static BlsSecretKey key(ValidatorIndex index) {
    return InteropKeys.secretKey(index.value().longValue());
  }

  /** Produces and imports a block at {@code slot} on {@code parentRoot}; fails on rejection. */
  public ImportedBlock extend(Bytes32 parentRoot, long slot) {
    setSlot(slot);
    ImportResult<ImportedBlock> result = pipeline.process(produce(parentRoot, slot));
    if (!result.isAccepted()) {
      throw new AssertionError("import at slot " + slot + " rejected: " + result.rejection());
    }
    return result.value();
  }

  /** Extends the head with one block per slot from {@code fromSlot} to {@code toSlot}. */
  public Bytes32 extendHead(long fromSlot, long toSlot) {
    Bytes32 head = store.headRoot();
    for (long slot = fromSlot; slot <= toSlot; slot++) {
      head = extend(head, slot).root();
    }
    return head;
  }
}
