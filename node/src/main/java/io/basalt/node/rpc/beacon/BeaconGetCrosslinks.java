package io.basalt.node.rpc.beacon;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.state.BeaconState;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code beacon_getCrosslinks([stateId])}: every shard's latest crosslink in a state (default
 * {@code head}; {@code finalized} for the finalized one): {@code shard}, {@code slot} (the shard
 * block's), {@code shard_block_root}, {@code state_root}, {@code receipts_root}, and the beacon
 * block the crosslinked shard block built on ({@code beacon_block_root}, {@code beacon_slot}; null
 * for a shard's genesis or a block not known here); {@code null} for an unknown state.
 */
public final class BeaconGetCrosslinks implements RpcMethod {

  private final BeaconRpcData data;

  public BeaconGetCrosslinks(BeaconRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "beacon_getCrosslinks";
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    StateId id = params.atMost(1).optional(0, "stateId", StateId.PARAM).orElse(StateId.HEAD);
    Optional<BeaconState> state = data.state(id);
    if (state.isEmpty()) {
      return null;
    }
    List<Object> crosslinks = new ArrayList<>();
    for (int shard = 0; shard < state.get().latestCrosslinks().size(); shard++) {
      Crosslink crosslink = state.get().latestCrosslinks().get(shard);
      Map<String, Object> entry = (Map<String, Object>) BeaconJson.of(crosslink);
      Optional<BeaconRpcData.BlockRef> anchor =
          crosslink.shardBlockRoot().isZero()
              ? Optional.empty()
              : data.shardBlockAnchor(crosslink.shard(), crosslink.shardBlockRoot());
      entry.put("beacon_block_root", anchor.map(a -> BeaconJson.of(a.root())).orElse(null));
      entry.put("beacon_slot", anchor.map(a -> BeaconJson.of(a.slot())).orElse(null));
      crosslinks.add(entry);
    }
    return crosslinks;
  }
}
