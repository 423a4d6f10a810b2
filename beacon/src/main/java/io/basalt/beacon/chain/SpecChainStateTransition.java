package io.basalt.beacon.chain;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.SlotProcessingException;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.Slot;
import java.util.Objects;

/** The chain services' view of the protocol's {@link StateTransition}. Thread-safe. */
public final class SpecChainStateTransition implements ChainStateTransition {

  private final StateTransition transition;

  public SpecChainStateTransition(StateTransition transition) {
    this.transition = Objects.requireNonNull(transition, "transition");
  }

  @Override
  public BeaconState processSlots(BeaconState state, Slot slot) throws BlockTransitionException {
    try {
      return transition.processSlots(state, slot);
    } catch (SlotProcessingException e) {
      throw new BlockTransitionException(e.getMessage(), e);
    }
  }

  @Override
  public BeaconState processBlock(
      BeaconState state, BeaconBlock block, BlsSignatureVerifier verifier)
      throws BlockTransitionException {
    try {
      return transition.processBlock(state, block, verifier);
    } catch (BlockProcessingException e) {
      throw new BlockTransitionException(e.reason() + ": " + e.getMessage(), e);
    }
  }
}
