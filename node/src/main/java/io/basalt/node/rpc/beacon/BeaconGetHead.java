package io.basalt.node.rpc.beacon;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code beacon_getHead}: the fork choice head with the store's justified and finalized. */
public final class BeaconGetHead implements RpcMethod {

  private final BeaconRpcData data;

  public BeaconGetHead(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getHead";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    BeaconRpcData.Head head = data.head();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("root", BeaconJson.of(head.root()));
    result.put("slot", BeaconJson.of(head.slot()));
    result.put(
        "epoch", Long.toString(head.slot().value().longValue() / data.config().slotsPerEpoch()));
    result.put("state_root", BeaconJson.of(head.stateRoot()));
    result.put("parent_root", BeaconJson.of(head.parentRoot()));
    result.put("current_justified", BeaconJson.of(head.justified()));
    result.put("finalized", BeaconJson.of(head.finalized()));
    return result;
  }
}
