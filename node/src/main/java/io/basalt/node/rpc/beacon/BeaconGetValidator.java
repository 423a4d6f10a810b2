package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.BeaconState;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code beacon_getValidator(id, [stateId])}: one validator by index or public key in a state
 * (default {@code head}); {@code null} when the validator or the state is unknown.
 */
public final class BeaconGetValidator implements RpcMethod {

  private final BeaconRpcData data;

  public BeaconGetValidator(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getValidator";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    ValidatorId id = params.required(0, "validatorId", ValidatorId.PARAM);
    StateId stateId = params.optional(1, "stateId", StateId.PARAM).orElse(StateId.HEAD);
    Optional<BeaconState> state = data.state(stateId);
    if (state.isEmpty()) {
      return null;
    }
    OptionalInt index = id.resolve(state.get());
    if (index.isEmpty()) {
      return null;
    }
    return ValidatorEntries.entry(
        state.get(),
        index.getAsInt(),
        ValidatorEntries.epochOf(state.get(), data.config().slotsPerEpoch()));
  }
}
