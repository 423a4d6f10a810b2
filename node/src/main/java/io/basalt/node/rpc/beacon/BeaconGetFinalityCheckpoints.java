package io.basalt.node.rpc.beacon;

import io.basalt.beacon.state.BeaconState;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code beacon_getFinalityCheckpoints([stateId])}: the previous and current justified and the
 * finalized checkpoint of a state (default {@code head}); {@code null} for an unknown state.
 */
public final class BeaconGetFinalityCheckpoints implements RpcMethod {

  private final BeaconRpcData data;

  public BeaconGetFinalityCheckpoints(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getFinalityCheckpoints";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    StateId id = params.atMost(1).optional(0, "stateId", StateId.PARAM).orElse(StateId.HEAD);
    Optional<BeaconState> state = data.state(id);
    if (state.isEmpty()) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("previous_justified", BeaconJson.of(state.get().previousJustifiedCheckpoint()));
    result.put("current_justified", BeaconJson.of(state.get().currentJustifiedCheckpoint()));
    result.put("finalized", BeaconJson.of(state.get().finalizedCheckpoint()));
    return result;
  }
}
