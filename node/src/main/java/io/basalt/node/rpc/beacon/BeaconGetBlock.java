package io.basalt.node.rpc.beacon;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code beacon_getBlock([blockId])}: a signed beacon block by tag, slot or root (default {@code
 * head}) as {@code {root, message, signature}} in beacon API JSON; {@code null} when unknown or the
 * slot has no block.
 */
public final class BeaconGetBlock implements RpcMethod {

  private final BeaconRpcData data;

  public BeaconGetBlock(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getBlock";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    StateId id = params.atMost(1).optional(0, "blockId", StateId.PARAM).orElse(StateId.HEAD);
    Optional<BeaconRpcData.BlockAt> found = data.block(id);
    if (found.isEmpty()) {
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("root", BeaconJson.of(found.get().root()));
    result.put("message", BeaconJson.of(found.get().block().message()));
    result.put("signature", BeaconJson.of(found.get().block().signature()));
    return result;
  }
}
