package io.basalt.beacon.transition;

import io.basalt.common.types.Slot;

/** {@code process_slots} was asked for a slot that is not after the state's slot. */
public final class SlotProcessingException extends IllegalArgumentException {

  private final Slot stateSlot;
  private final Slot requestedSlot;

  public SlotProcessingException(Slot stateSlot, Slot requestedSlot) {
    super("Cannot process slots up to " + requestedSlot + " from a state at slot " + stateSlot);
    this.stateSlot = stateSlot;
    this.requestedSlot = requestedSlot;
  }

  public Slot stateSlot() {
    return stateSlot;
  }

  public Slot requestedSlot() {
    return requestedSlot;
  }
}
