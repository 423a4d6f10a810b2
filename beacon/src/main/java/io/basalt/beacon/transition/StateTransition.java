package io.basalt.beacon.transition;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.block.BlockProcessor;
import io.basalt.beacon.transition.signatures.PubkeyCache;
import io.basalt.beacon.transition.signatures.SignatureCheck;
import io.basalt.beacon.transition.signatures.SignatureSets;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The beacon state transition: {@code process_slots} (with the epoch step delegated to an {@link
 * EpochTransition}) and {@code process_block}. States are immutable, so the state passed in is
 * never changed, whether the call succeeds or fails. Thread-safe.
 *
 * <p>Signatures: {@link #stateTransition} collects every signature set of the block while
 * processing it (each built against the state the spec would check it against) and verifies them in
 * one call to the given verifier, the proposer's signature included; when that batch fails, the
 * sets are checked one by one to name the first bad one. Deposit proofs of possession are the
 * exception: an invalid one drops the deposit instead of invalidating the block, so each is checked
 * alone, for real, whatever the verifier.
 */
public final class StateTransition {

  private final SpecConfig config;
  private final EpochTransition epochTransition;
  private final SignatureSets signatureSets;
  private final BlockProcessor blockProcessor;

  /**
   * @param pubkeys the chain's key cache, shared with gossip validation
   */
  public StateTransition(
      SpecConfig config,
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      EpochTransition epochTransition,
      PubkeyCache pubkeys) {
    this.config = Objects.requireNonNull(config, "config");
    if (!schemas.config().equals(config)) {
      throw new IllegalArgumentException("The schemas were built for another config");
    }
    this.epochTransition = Objects.requireNonNull(epochTransition, "epochTransition");
    this.signatureSets = new SignatureSets(schemas, accessors, pubkeys);
    this.blockProcessor = new BlockProcessor(schemas, accessors, signatureSets);
  }

  /** A transition with its own key cache. */
  public StateTransition(
      SpecConfig config,
      BeaconSchemas schemas,
      BeaconStateAccessors accessors,
      EpochTransition epochTransition) {
    this(config, schemas, accessors, epochTransition, new PubkeyCache());
  }

  /** A transition with its own accessors (and shuffling cache) and key cache. */
  public StateTransition(BeaconSchemas schemas, EpochTransition epochTransition) {
    this(schemas.config(), schemas, new BeaconStateAccessors(schemas.config()), epochTransition);
  }

  public SignatureSets signatureSets() {
    return signatureSets;
  }

  public BlockProcessor blockProcessor() {
    return blockProcessor;
  }

  /**
   * Advances {@code state} to {@code slot}, caching each slot's state and block roots and running
   * the epoch transition on the last slot of each epoch.
   *
   * @throws SlotProcessingException if {@code slot} is not after the state's slot
   */
  // spec: process_slots
  public BeaconState processSlots(BeaconState state, Slot slot) {
    if (!slot.isAfter(state.slot())) {
      throw new SlotProcessingException(state.slot(), slot);
    }
    BeaconState current = state;
    while (current.slot().isBefore(slot)) {
      current = processSlot(current);
      Slot next = current.slot().increment();
      if (next.value().mod(config.slotsPerEpoch()).isZero()) {
        current = epochTransition.processEpoch(current);
      }
      current = current.updated(m -> m.setSlot(next));
    }
    return current;
  }

  /** Records the state root and block root of the state's slot (before the slot advances). */
  // spec: process_slot
  private BeaconState processSlot(BeaconState state) {
    Bytes32 previousStateRoot = state.hashTreeRoot();
    return state.updated(
        m -> {
          long index = m.slot().value().mod(config.slotsPerHistoricalRoot()).longValue();
          m.setStateRoot(index, previousStateRoot);
          BeaconBlockHeader latest = m.latestBlockHeader();
          if (latest.stateRoot().isZero()) {
            latest = latest.withStateRoot(previousStateRoot);
            m.setLatestBlockHeader(latest);
          }
          m.setBlockRoot(index, latest.hashTreeRoot());
        });
  }

  /**
   * Applies a signed block: slots up to the block's, the block with every signature (proposer's
   * included) verified as one batch by {@code verifier}, then the state root check.
   *
   * @param validateStateRoot false only for callers that compute the root themselves
   * @throws BlockProcessingException with the first reason the block is invalid
   */
  // spec: state_transition
  public BeaconState stateTransition(
      BeaconState state,
      SignedBeaconBlock signedBlock,
      BlsSignatureVerifier verifier,
      boolean validateStateRoot)
      throws BlockProcessingException {
    BeaconBlock block = signedBlock.message();
    BlockProcessingException.check(
        block.slot().isAfter(state.slot()),
        InvalidBlockReason.SLOT_NOT_AFTER_STATE,
        "Block slot " + block.slot() + " is not after the state's slot " + state.slot());
    BeaconState preBlock = processSlots(state, block.slot());
    SignatureCheck.Deferred signatures = new SignatureCheck.Deferred();
    try {
      signatures.check(
          signatureSets.blockProposal(preBlock, block, signedBlock.signature()),
          InvalidBlockReason.BLOCK_SIGNATURE_INVALID,
          "Signature of proposer " + block.proposerIndex() + " over block at slot " + block.slot());
    } catch (BlsException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.BLOCK_SIGNATURE_INVALID, "Block signature is not a signature", e);
    } catch (IllegalArgumentException e) {
      throw new BlockProcessingException(
          InvalidBlockReason.PROPOSER_INDEX_MISMATCH, "Unknown proposer: " + e.getMessage(), e);
    }
    BeaconState post = applyBlock(preBlock, block, signatures);
    signatures.verifyAll(verifier);
    if (validateStateRoot) {
      Bytes32 root = post.hashTreeRoot();
      BlockProcessingException.check(
          block.stateRoot().equals(root),
          InvalidBlockReason.STATE_ROOT_MISMATCH,
          "Block names state root " + block.stateRoot() + ", the post-state's is " + root);
    }
    return post;
  }

  /**
   * Applies {@code block} to a state already at its slot, verifying the operations' signatures as
   * one batch with {@code verifier} (the block's own signature is not looked at). Block production
   * calls this with {@link BlsSignatureVerifier#noOp()} to compute the post-state root.
   */
  // spec: process_block
  public BeaconState processBlock(
      BeaconState state, BeaconBlock block, BlsSignatureVerifier verifier)
      throws BlockProcessingException {
    SignatureCheck.Deferred signatures = new SignatureCheck.Deferred();
    BeaconState post = applyBlock(state, block, signatures);
    signatures.verifyAll(verifier);
    return post;
  }

  private BeaconState applyBlock(BeaconState state, BeaconBlock block, SignatureCheck signatures)
      throws BlockProcessingException {
    BlockProcessingException[] failure = new BlockProcessingException[1];
    BeaconState post;
    try {
      post =
          state.updated(
              m -> {
                try {
                  blockProcessor.processBlock(m, block, signatures);
                } catch (BlockProcessingException e) {
                  failure[0] = e;
                }
              });
    } catch (IllegalArgumentException
        | IndexOutOfBoundsException
        | ArithmeticException
        | BlsException e) {
      // Safety net: every known bad input has its own check and reason before reaching a helper.
      throw new BlockProcessingException(
          InvalidBlockReason.MALFORMED_BLOCK, "Block content rejected by a helper: " + e, e);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return post;
  }
}
