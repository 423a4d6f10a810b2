package io.basalt.consensus.forkchoice;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import java.util.BitSet;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * LMD-GHOST fork choice with proposer boost (consensus-specs {@code fork-choice.md}) over a {@link
 * ProtoArray}. Pure: time comes in through {@link #onTick}, checkpoints and balances through {@link
 * #updateCheckpoints}; nothing here reads a clock, blocks or starts a thread.
 *
 * <p><b>Threading:</b> not thread-safe. One thread owns an instance; every public method checks
 * {@link OwningThread} and throws {@link IllegalStateException} when called from another thread (a
 * programming error). The node funnels blocks, attestations, slashings and ticks to that thread.
 *
 * <p>What the caller does beforehand: full block and attestation validation (signatures, state
 * transition, attestation slot and target checks); computing the block's post-state checkpoints;
 * calling {@link #updateCheckpoints} when a block's state brings newer ones (spec {@code
 * update_checkpoints}, which needs the justified state's balances that only the caller has).
 */
public final class ForkChoice {

  private final SpecConfig config;
  private final ForkChoiceStore store;
  private final OwningThread owner;
  private final ProtoArray protoArray;
  private final VoteTracker votes;
  private final BitSet equivocating = new BitSet();
  private long[] appliedBalances = new long[0];

  private ForkChoice(
      SpecConfig config,
      ForkChoiceStore store,
      OwningThread owner,
      ProtoArray protoArray,
      VoteTracker votes) {
    this.config = config;
    this.store = store;
    this.owner = owner;
    this.protoArray = protoArray;
    this.votes = votes;
    for (ValidatorIndex index : store.equivocatingIndices()) {
      markEquivocating(index);
    }
  }

  /**
   * Fork choice rooted at the store's finalized checkpoint block (genesis or a checkpoint-sync
   * anchor), which must also be the justified one.
   *
   * @param anchorSlot the anchor block's slot
   * @param anchorStateRoot the anchor block's state root, if known
   */
  public static ForkChoice fromAnchor(
      SpecConfig config,
      ForkChoiceStore store,
      Slot anchorSlot,
      Optional<Bytes32> anchorStateRoot,
      OwningThread owner) {
    return fromAnchor(
        config, store, anchorSlot, anchorStateRoot, owner, ProtoArray.DEFAULT_PRUNE_THRESHOLD);
  }

  /** As {@link #fromAnchor(SpecConfig, ForkChoiceStore, Slot, Optional, OwningThread)}. */
  public static ForkChoice fromAnchor(
      SpecConfig config,
      ForkChoiceStore store,
      Slot anchorSlot,
      Optional<Bytes32> anchorStateRoot,
      OwningThread owner,
      int pruneThreshold) {
    Checkpoint justified = store.justifiedCheckpoint();
    Checkpoint finalized = store.finalizedCheckpoint();
    if (!justified.root().equals(finalized.root())) {
      throw new IllegalArgumentException("anchor store must have justified root = finalized root");
    }
    ProtoArray protoArray =
        new ProtoArray(config.slotsPerEpoch(), pruneThreshold, justified, finalized);
    protoArray.onBlock(
        anchorSlot, finalized.root(), Optional.empty(), anchorStateRoot, justified, finalized);
    VoteTracker votes = new VoteTracker(store.justifiedBalances().size());
    return new ForkChoice(
        Objects.requireNonNull(config), store, Objects.requireNonNull(owner), protoArray, votes);
  }

  /**
   * Advances the store's time (spec {@code on_tick}); entering a new slot withdraws the proposer
   * boost. Time never goes back: an earlier time is ignored.
   */
  public void onTick(UInt64 time) {
    checkOwner();
    if (time.isLessThan(store.time())) {
      return;
    }
    Slot previousSlot = currentSlot();
    store.setTime(time);
    if (currentSlot().isAfter(previousSlot)) {
      store.setProposerBoostRoot(Optional.empty());
    }
  }

  /**
   * Inserts a validated block (spec {@code on_block}, fork-choice part). A block already known is
   * accepted again without change.
   *
   * @param justified the justified checkpoint of the block's post-state
   * @param finalized the finalized checkpoint of the block's post-state
   * @param timely whether the block arrived before the attesting interval of its slot (see {@link
   *     #isTimely}); a timely block of the current slot takes the proposer boost if no block has it
   * @return the reason the block was refused, or empty when it is in fork choice
   */
  public Optional<BlockRejection> onBlock(
      Slot slot,
      Bytes32 root,
      Bytes32 parentRoot,
      Optional<Bytes32> stateRoot,
      Checkpoint justified,
      Checkpoint finalized,
      boolean timely) {
    checkOwner();
    if (protoArray.contains(root)) {
      return Optional.empty();
    }
    Optional<BlockRejection> rejection =
        BlockChecks.check(
            protoArray,
            config.slotsPerEpoch(),
            currentSlot(),
            store.finalizedCheckpoint(),
            slot,
            parentRoot);
    if (rejection.isPresent()) {
      return rejection;
    }
    protoArray.onBlock(slot, root, Optional.of(parentRoot), stateRoot, justified, finalized);
    if (timely && slot.equals(currentSlot()) && store.proposerBoostRoot().isEmpty()) {
      store.setProposerBoostRoot(Optional.of(root));
    }
    return Optional.empty();
  }

  /**
   * Records the vote of each attesting validator as its latest message when the target epoch is
   * newer than its previous one (spec {@code update_latest_messages}). Equivocating validators'
   * votes are ignored. Nothing is recorded when the attestation is refused.
   */
  public Optional<AttestationRejection> onAttestation(
      Collection<ValidatorIndex> validatorIndices, Bytes32 blockRoot, Epoch targetEpoch) {
    checkOwner();
    if (!protoArray.contains(blockRoot)) {
      return Optional.of(
          new AttestationRejection(
              AttestationRejection.Reason.UNKNOWN_BLOCK,
              "block " + blockRoot + " is not in fork choice"));
    }
    if (targetEpoch.isAfter(currentEpoch())) {
      return Optional.of(
          new AttestationRejection(
              AttestationRejection.Reason.FUTURE_TARGET_EPOCH,
              "target epoch " + targetEpoch + " is after current epoch " + currentEpoch()));
    }
    for (ValidatorIndex index : validatorIndices) {
      if (index.value().bits() < 0 || index.value().bits() >= VoteTracker.MAX_VALIDATORS) {
        return Optional.of(
            new AttestationRejection(
                AttestationRejection.Reason.VALIDATOR_INDEX_TOO_LARGE,
                "validator index " + index + " is at least " + VoteTracker.MAX_VALIDATORS));
      }
    }
    long epoch = targetEpoch.value().longValue();
    for (ValidatorIndex index : validatorIndices) {
      int v = index.intValue();
      if (!equivocating.get(v)) {
        votes.processAttestation(v, blockRoot, epoch);
      }
    }
    return Optional.empty();
  }

  /**
   * Marks validators as equivocating (spec {@code on_attester_slashing}: the indices attesting to
   * both conflicting attestations of a verified slashing). From the next head computation their
   * weight is gone and their votes are ignored for good.
   */
  public void onAttesterSlashing(Collection<ValidatorIndex> indices) {
    checkOwner();
    for (ValidatorIndex index : indices) {
      store.addEquivocatingIndex(index);
      markEquivocating(index);
    }
  }

  private void markEquivocating(ValidatorIndex index) {
    long v = index.value().bits();
    if (v >= 0 && v < VoteTracker.MAX_VALIDATORS) {
      equivocating.set((int) v);
    }
  }

  /**
   * Moves the store to newer checkpoints (spec {@code update_checkpoints}): each moves only forward
   * in epoch. The justified balances come with the justified checkpoint. When the finalized
   * checkpoint advances, blocks before it are pruned once past the prune threshold.
   */
  public Optional<CheckpointRejection> updateCheckpoints(
      Checkpoint justified, Checkpoint finalized, EffectiveBalances justifiedBalances)
      throws ForkChoiceException {
    checkOwner();
    if (!protoArray.contains(justified.root())) {
      return Optional.of(
          new CheckpointRejection(
              CheckpointRejection.Reason.UNKNOWN_JUSTIFIED_ROOT, justified.toString()));
    }
    if (!protoArray.contains(finalized.root())) {
      return Optional.of(
          new CheckpointRejection(
              CheckpointRejection.Reason.UNKNOWN_FINALIZED_ROOT, finalized.toString()));
    }
    if (justified.epoch().isAfter(store.justifiedCheckpoint().epoch())) {
      store.setJustified(justified, justifiedBalances);
    }
    if (finalized.epoch().isAfter(store.finalizedCheckpoint().epoch())) {
      store.setFinalized(finalized);
      if (protoArray.maybePrune(finalized.root())) {
        votes.retainRoots(protoArray::contains);
      }
    }
    return Optional.empty();
  }

  /**
   * The head block (spec {@code get_head}): applies vote, balance and boost changes since the last
   * call, then follows best descendants from the justified block.
   *
   * @throws ForkChoiceException if the proto-array is inconsistent (see its kinds)
   */
  public Bytes32 getHead() throws ForkChoiceException {
    checkOwner();
    Checkpoint justified = store.justifiedCheckpoint();
    EffectiveBalances balances = store.justifiedBalances();
    long[] deltas =
        VoteDeltas.computeDeltas(
            votes,
            votes.nodeIndicesByRootId(protoArray::indexOf),
            protoArray.size(),
            appliedBalances,
            balances.gweiArray(),
            equivocating);
    appliedBalances = balances.gweiArray();
    protoArray.applyScoreChanges(
        deltas, justified, store.finalizedCheckpoint(), currentEpoch(), proposerBoost(balances));
    return protoArray.findHead(justified.root());
  }

  /**
   * Spec {@code get_proposer_score}: {@code PROPOSER_SCORE_BOOST} percent of one slot's committee
   * weight, the total active balance divided by {@code SLOTS_PER_EPOCH}.
   */
  public Gwei proposerScore() {
    checkOwner();
    return ProposerBoost.score(config, store.justifiedBalances());
  }

  private ProposerBoost proposerBoost(EffectiveBalances balances) {
    return store
        .proposerBoostRoot()
        .map(root -> ProposerBoost.of(root, ProposerBoost.score(config, balances)))
        .orElse(ProposerBoost.NONE);
  }

  /**
   * Whether a block that arrived at {@code arrivalTimeMillis} (Unix milliseconds) is timely for
   * proposer boost; see {@link ProposerBoost#isTimely}.
   */
  public boolean isTimely(Slot blockSlot, long arrivalTimeMillis) {
    checkOwner();
    return ProposerBoost.isTimely(config, store.genesisTime(), blockSlot, arrivalTimeMillis);
  }

  /** Spec {@code get_current_slot}: zero before genesis. */
  public Slot currentSlot() {
    checkOwner();
    UInt64 sinceGenesis = store.time().minusMinZero(store.genesisTime());
    return new Slot(sinceGenesis.dividedBy(config.secondsPerSlot()));
  }

  public Epoch currentEpoch() {
    checkOwner();
    return new Epoch(currentSlot().value().dividedBy(config.slotsPerEpoch()));
  }

  public boolean contains(Bytes32 root) {
    checkOwner();
    return protoArray.contains(root);
  }

  /** Whether {@code descendant} is {@code ancestor} or lies under it. */
  public boolean isDescendant(Bytes32 ancestor, Bytes32 descendant) {
    checkOwner();
    return protoArray.isDescendant(ancestor, descendant);
  }

  /** Spec {@code get_ancestor}: the block of {@code root}'s chain at {@code slot}. */
  public Optional<Bytes32> ancestorAtSlot(Bytes32 root, Slot slot) {
    checkOwner();
    return protoArray.ancestorAtSlot(root, slot);
  }

  /** The node of a block, for weights and links (read-only use). */
  public Optional<ProtoNode> node(Bytes32 root) {
    checkOwner();
    return protoArray.node(root);
  }

  /** Number of blocks held. */
  public int size() {
    checkOwner();
    return protoArray.size();
  }

  private void checkOwner() {
    if (!owner.isCurrent()) {
      throw new IllegalStateException("fork choice called off its owning thread");
    }
  }
}
