package io.basalt.beacon.chain;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;

/**
 * The protocol's state transition as the chain services need it: advance a state through empty
 * slots, and apply one block. The chain services never compute protocol rules themselves; the node
 * wires this to {@code io.basalt.beacon.transition.StateTransition}.
 *
 * <p>Implementations are pure and thread-safe.
 */
public interface ChainStateTransition {

  /**
   * {@code process_slots}: the state advanced to {@code slot}, epoch processing included. Only
   * called with {@code slot} after the state's slot.
   */
  BeaconState processSlots(BeaconState state, Slot slot) throws BlockTransitionException;

  /**
   * {@code process_block} on a state already at the block's slot; the block's {@code state_root} is
   * not checked (the caller compares it, or fills it in when producing a block).
   *
   * @param verifier checks the block's signatures; the chain services pass {@link
   *     BlsSignatureVerifier#noOp()} because they verify every signature before
   */
  BeaconState processBlock(BeaconState state, BeaconBlock block, BlsSignatureVerifier verifier)
      throws BlockTransitionException;

  /** Advances {@code state} to {@code slot} when it is behind; otherwise returns it unchanged. */
  default BeaconState advanceTo(BeaconState state, Slot slot) throws BlockTransitionException {
    return state.slot().isBefore(slot) ? processSlots(state, slot) : state;
  }
}
