package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Slot;
import io.basalt.node.rpc.RpcException;

/** The canonical state at a slot of an epoch whose committees are fixed (up to next epoch). */
final class EpochStates {

  private EpochStates() {}

  /**
   * The state at {@code slot} of {@code epoch}.
   *
   * @throws RpcException -32000 when the epoch is more than one epoch ahead of the wall clock or
   *     its states are no longer kept
   */
  static BeaconState at(BeaconRpcData data, long epoch, Slot slot) throws RpcException {
    long current = data.currentSlot().value().longValue() / data.config().slotsPerEpoch();
    if (epoch > current + 1) {
      throw RpcException.server(
          "epoch " + epoch + " is more than one epoch after the current epoch " + current);
    }
    return data.stateAtSlot(slot)
        .orElseThrow(
            () -> RpcException.server("the state of epoch " + epoch + " is no longer available"));
  }

  static Slot startSlot(BeaconRpcData data, long epoch) throws RpcException {
    try {
      return Slot.of(Math.multiplyExact(epoch, (long) data.config().slotsPerEpoch()));
    } catch (ArithmeticException e) {
      throw RpcException.server("epoch " + epoch + " is out of range");
    }
  }
}
