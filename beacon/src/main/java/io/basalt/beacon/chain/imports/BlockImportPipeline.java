package io.basalt.beacon.chain.imports;

import static io.basalt.beacon.chain.imports.ImportRejection.Reason.ALREADY_KNOWN;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.FORK_CHOICE_REJECTED;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.FUTURE_SLOT;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.INCORRECT_PROPOSER;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.INVALID_PROPOSER_SIGNATURE;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.INVALID_SIGNATURE;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.MALFORMED_SIGNATURE;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.NOT_AFTER_FINALIZED_SLOT;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.SLOT_NOT_AFTER_PARENT;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.STATE_ROOT_MISMATCH;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.STATE_TRANSITION_FAILED;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.STATE_UNAVAILABLE;
import static io.basalt.beacon.chain.imports.ImportRejection.Reason.UNKNOWN_PARENT;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.ChainStateTransition;
import io.basalt.beacon.chain.store.BlockSummary;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureSet;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.forkchoice.BlockRejection;
import io.basalt.consensus.forkchoice.ForkChoice;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Block import as typestates (after Lighthouse {@code block_verification.rs}): {@code
 * SignedBeaconBlock → GossipVerifiedBlock → SignatureVerifiedBlock → ImportedBlock}. Each stage
 * runs its checks once and hands what it computed to the next; each returns an {@link ImportResult}
 * with a typed {@link ImportRejection} on failure.
 *
 * <ol>
 *   <li>{@link #gossipVerify}: not from the future (beyond {@link
 *       #MAXIMUM_GOSSIP_CLOCK_DISPARITY_MILLIS}), not already known, after the finalized slot,
 *       parent known ({@code UNKNOWN_PARENT} tells sync to fetch it), after its parent's slot, the
 *       expected proposer on the parent's chain, and the proposer signature — the only signature
 *       checked here;
 *   <li>{@link #verifySignatures}: every other signature built as sets and verified in one batch;
 *   <li>{@link #importBlock}: the state transition with signature checks off, the state root, fork
 *       choice ({@code onBlock}, the block's attestations and slashings, checkpoints, head), then
 *       one atomic write.
 * </ol>
 *
 * <p><b>Threading.</b> {@link #gossipVerify} and {@link #verifySignatures} only read (the chain
 * store and state cache are thread-safe) and may run on any thread, e.g. gossip validation workers.
 * {@link #importBlock} mutates fork choice and must run on the single chain thread that owns the
 * {@link ForkChoice} (its {@code OwningThread} check throws elsewhere); the node funnels every
 * import there, so imports are serialised.
 *
 * <p><b>Failures.</b> A rejected block changes nothing. A storage failure during the final commit
 * propagates as {@code StorageException} after fork choice took the block; the node treats it as
 * fatal and restarts from disk, where nothing of the block was written.
 */
public final class BlockImportPipeline {

  /** How early a block may arrive before its slot starts (as Ethereum's gossip rules). */
  public static final long MAXIMUM_GOSSIP_CLOCK_DISPARITY_MILLIS = 500;

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final ChainStore store;
  private final StateRegenerator states;
  private final ChainStateTransition transition;
  private final BlockSignatureSets signatureSets;
  private final BlsSignatureVerifier verifier;
  private final ForkChoiceUpdater forkChoice;
  private final ChainClock clock;

  public BlockImportPipeline(
      BeaconStateAccessors accessors,
      ChainStore store,
      StateRegenerator states,
      ChainStateTransition transition,
      BlockSignatureSets signatureSets,
      BlsSignatureVerifier verifier,
      ForkChoice forkChoice,
      ChainClock clock) {
    this.config = store.schemas().config();
    this.accessors = accessors;
    this.store = store;
    this.states = states;
    this.transition = transition;
    this.signatureSets = signatureSets;
    this.verifier = verifier;
    this.forkChoice = new ForkChoiceUpdater(forkChoice, store, states, accessors);
    this.clock = clock;
  }

  /** All three stages; the first rejection is returned. */
  public ImportResult<ImportedBlock> process(SignedBeaconBlock block) {
    ImportResult<GossipVerifiedBlock> gossip = gossipVerify(block);
    if (!gossip.isAccepted()) {
      return ImportResult.rejected(gossip.rejection().reason(), gossip.rejection().detail());
    }
    ImportResult<SignatureVerifiedBlock> signatures = verifySignatures(gossip.value());
    if (!signatures.isAccepted()) {
      return ImportResult.rejected(
          signatures.rejection().reason(), signatures.rejection().detail());
    }
    return importBlock(signatures.value());
  }

  /** Stage 1: the cheap checks and the proposer signature. */
  public ImportResult<GossipVerifiedBlock> gossipVerify(SignedBeaconBlock signed) {
    long now = clock.currentTimeMillis();
    BeaconBlock block = signed.message();
    Slot slot = block.slot();
    long slotStartMillis =
        store
            .genesisTime()
            .plus(config.secondsPerSlot().times(slot.value()))
            .times(1000)
            .longValue();
    if (slotStartMillis > now + MAXIMUM_GOSSIP_CLOCK_DISPARITY_MILLIS) {
      return ImportResult.rejected(FUTURE_SLOT, "slot " + slot + " starts at " + slotStartMillis);
    }
    Bytes32 root = store.schemas().beaconBlock().hashTreeRoot(block);
    if (store.contains(root)) {
      return ImportResult.rejected(ALREADY_KNOWN, "block " + root);
    }
    Slot finalizedSlot =
        accessors.misc().computeStartSlotAtEpoch(store.finalizedCheckpoint().epoch());
    if (!slot.isAfter(finalizedSlot)) {
      return ImportResult.rejected(
          NOT_AFTER_FINALIZED_SLOT, "slot " + slot + ", finalized slot " + finalizedSlot);
    }
    Optional<BlockSummary> parent = store.summary(block.parentRoot());
    if (parent.isEmpty()) {
      return ImportResult.rejected(UNKNOWN_PARENT, "parent " + block.parentRoot());
    }
    if (!slot.isAfter(parent.get().slot())) {
      return ImportResult.rejected(
          SLOT_NOT_AFTER_PARENT, "slot " + slot + ", parent slot " + parent.get().slot());
    }
    BeaconState stateAtSlot;
    try {
      Optional<BeaconState> parentState = states.stateOf(block.parentRoot());
      if (parentState.isEmpty()) {
        return ImportResult.rejected(STATE_UNAVAILABLE, "state of parent " + block.parentRoot());
      }
      stateAtSlot = transition.advanceTo(parentState.get(), slot);
    } catch (BlockTransitionException e) {
      return ImportResult.rejected(STATE_UNAVAILABLE, e.getMessage());
    }
    ValidatorIndex expected = accessors.getBeaconProposerIndex(stateAtSlot);
    if (!expected.equals(block.proposerIndex())) {
      return ImportResult.rejected(
          INCORRECT_PROPOSER, "proposer " + block.proposerIndex() + ", expected " + expected);
    }
    try {
      BlsSignatureSet set = signatureSets.proposer(stateAtSlot, signed);
      if (!verifier.verify(set)) {
        return ImportResult.rejected(INVALID_PROPOSER_SIGNATURE, "block " + root);
      }
    } catch (SignatureSetException e) {
      return ImportResult.rejected(INVALID_PROPOSER_SIGNATURE, e.getMessage());
    }
    return ImportResult.accepted(new GossipVerifiedBlock(signed, root, stateAtSlot, now));
  }

  /** Stage 2: every other signature of the block, one batch. */
  public ImportResult<SignatureVerifiedBlock> verifySignatures(GossipVerifiedBlock block) {
    List<BlsSignatureSet> sets;
    try {
      sets = signatureSets.body(block.stateAtSlot(), block.block().message());
    } catch (SignatureSetException e) {
      return ImportResult.rejected(MALFORMED_SIGNATURE, e.getMessage());
    }
    if (!verifier.verify(sets)) {
      return ImportResult.rejected(
          INVALID_SIGNATURE, sets.size() + " signature sets of block " + block.root());
    }
    return ImportResult.accepted(new SignatureVerifiedBlock(block));
  }

  /** Stage 3, on the fork-choice thread: transition, fork choice, one atomic write. */
  public ImportResult<ImportedBlock> importBlock(SignatureVerifiedBlock verified) {
    GossipVerifiedBlock gossip = verified.gossipVerified();
    BeaconBlock block = gossip.block().message();
    if (store.contains(gossip.root())) {
      // Two copies can pass the earlier stages concurrently; only the first is imported.
      return ImportResult.rejected(ALREADY_KNOWN, "block " + gossip.root());
    }
    BeaconState post;
    try {
      post = transition.processBlock(gossip.stateAtSlot(), block, BlsSignatureVerifier.noOp());
    } catch (BlockTransitionException e) {
      return ImportResult.rejected(STATE_TRANSITION_FAILED, e.getMessage());
    }
    if (!post.hashTreeRoot().equals(block.stateRoot())) {
      return ImportResult.rejected(
          STATE_ROOT_MISMATCH,
          "block says " + block.stateRoot() + ", post-state is " + post.hashTreeRoot());
    }
    Optional<BlockRejection> refused =
        forkChoice.addBlock(
            gossip.block(),
            gossip.root(),
            gossip.stateAtSlot(),
            post,
            clock.currentTimeMillis(),
            gossip.arrivalMillis());
    if (refused.isPresent()) {
      return ImportResult.rejected(
          FORK_CHOICE_REJECTED, refused.get().reason() + ": " + refused.get().detail());
    }
    states.cache(gossip.root(), post);
    ForkChoiceUpdater.Outcome outcome = forkChoice.updateHead(post);
    Set<Bytes32> pruned = store.commitImport(outcome.toWrite(gossip.block(), gossip.root(), post));
    states.forget(pruned);
    return ImportResult.accepted(
        new ImportedBlock(gossip.block(), gossip.root(), post, outcome.headRoot()));
  }
}
