package io.basalt.beacon.chain.imports;

import io.basalt.beacon.chain.BlockTransitionException;
import io.basalt.beacon.chain.store.ChainStore;
import io.basalt.beacon.chain.store.ImportWrite;
import io.basalt.beacon.chain.store.StateRegenerator;
import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.forkchoice.BlockRejection;
import io.basalt.consensus.forkchoice.CheckpointRejection;
import io.basalt.consensus.forkchoice.ForkChoice;
import io.basalt.consensus.forkchoice.ForkChoiceException;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.Checkpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Feeds imported blocks to {@link ForkChoice}: the block, the votes of its attestations, the
 * equivocations of its attester slashings, newer checkpoints with the justified state's balances,
 * and the head. Used by the import stage and by the restart rebuild; on the fork-choice thread
 * only.
 */
final class ForkChoiceUpdater {

  /** The fork-choice side of one import, turned into the store write. */
  record Outcome(
      Bytes32 headRoot,
      Checkpoint justified,
      Checkpoint finalized,
      Optional<BeaconState> finalizedState) {

    ImportWrite toWrite(SignedBeaconBlock block, Bytes32 root, BeaconState post) {
      return new ImportWrite(block, root, post, headRoot, justified, finalized, finalizedState);
    }
  }

  private final ForkChoice forkChoice;
  private final ChainStore store;
  private final StateRegenerator states;
  private final BeaconStateAccessors accessors;

  ForkChoiceUpdater(
      ForkChoice forkChoice,
      ChainStore store,
      StateRegenerator states,
      BeaconStateAccessors accessors) {
    this.forkChoice = forkChoice;
    this.store = store;
    this.states = states;
    this.accessors = accessors;
  }

  /**
   * Inserts a block and its votes.
   *
   * @param committeeState a state at the block's slot (its committees resolve the attestations)
   */
  Optional<BlockRejection> addBlock(
      SignedBeaconBlock signed,
      Bytes32 root,
      BeaconState committeeState,
      BeaconState post,
      long nowMillis,
      long arrivalMillis) {
    BeaconBlock block = signed.message();
    forkChoice.onTick(UInt64.valueOf(nowMillis / 1000));
    Optional<BlockRejection> refused =
        forkChoice.onBlock(
            block.slot(),
            root,
            block.parentRoot(),
            Optional.of(block.stateRoot()),
            store.anchored(post.currentJustifiedCheckpoint()),
            store.anchored(post.finalizedCheckpoint()),
            forkChoice.isTimely(block.slot(), arrivalMillis));
    if (refused.isPresent()) {
      return refused;
    }
    for (Attestation attestation : block.body().attestations()) {
      // Valid by the state transition, so the committee lookup cannot fail; a vote fork choice
      // refuses (block unknown to it, pruned) is simply not counted, as in the spec.
      List<ValidatorIndex> indices = accessors.getAttestingIndices(committeeState, attestation);
      forkChoice.onAttestation(
          indices, attestation.data().beaconBlockRoot(), attestation.data().target().epoch());
    }
    for (AttesterSlashing slashing : block.body().attesterSlashings()) {
      Set<ValidatorIndex> both = new HashSet<>(slashing.attestation1().attestingIndices());
      both.retainAll(slashing.attestation2().attestingIndices());
      forkChoice.onAttesterSlashing(both);
    }
    return Optional.empty();
  }

  /**
   * Moves fork choice to the newer of the store's and {@code post}'s checkpoints and computes the
   * head.
   *
   * @throws IllegalStateException if fork choice or the stored states are inconsistent (a bug or a
   *     corrupt database; the node stops)
   */
  Outcome updateHead(BeaconState post) {
    Checkpoint justified =
        newer(store.justifiedCheckpoint(), store.anchored(post.currentJustifiedCheckpoint()));
    Checkpoint finalized =
        newer(store.finalizedCheckpoint(), store.anchored(post.finalizedCheckpoint()));
    if (justified.equals(store.justifiedCheckpoint())
        && finalized.equals(store.finalizedCheckpoint())) {
      try {
        return new Outcome(forkChoice.getHead(), justified, finalized, Optional.empty());
      } catch (ForkChoiceException e) {
        throw new IllegalStateException("Fork choice is inconsistent: " + e.getMessage(), e);
      }
    }
    return update(justified, finalized);
  }

  /** Gives fork choice the store's checkpoints (restart) and computes the head. */
  Outcome update(Checkpoint justified, Checkpoint finalized) {
    Optional<BeaconState> finalizedState = Optional.empty();
    try {
      BeaconState justifiedState = stateOf(justified.root());
      Optional<CheckpointRejection> refused =
          forkChoice.updateCheckpoints(
              justified, finalized, JustifiedBalances.of(justifiedState, justified.epoch()));
      if (refused.isPresent()) {
        throw new IllegalStateException("Fork choice refused checkpoints: " + refused.get());
      }
      if (finalized.epoch().isAfter(store.finalizedCheckpoint().epoch())) {
        finalizedState = Optional.of(stateOf(finalized.root()));
      }
      return new Outcome(forkChoice.getHead(), justified, finalized, finalizedState);
    } catch (ForkChoiceException e) {
      throw new IllegalStateException("Fork choice is inconsistent: " + e.getMessage(), e);
    }
  }

  private BeaconState stateOf(Bytes32 root) {
    try {
      return states
          .stateOf(root)
          .orElseThrow(() -> new IllegalStateException("No state for checkpoint block " + root));
    } catch (BlockTransitionException e) {
      throw new IllegalStateException("Cannot regenerate state of " + root, e);
    }
  }

  private static Checkpoint newer(Checkpoint stored, Checkpoint candidate) {
    return candidate.epoch().isAfter(stored.epoch()) ? candidate : stored;
  }
}
