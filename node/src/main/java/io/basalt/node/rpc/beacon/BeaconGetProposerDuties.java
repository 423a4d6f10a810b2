package io.basalt.node.rpc.beacon;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code beacon_getProposerDuties(epoch)}: for every slot of the epoch, the beacon block proposer,
 * and for every shard with a committee at that slot, the shard block proposer, computed as the
 * validator client computes its duties (the canonical state advanced to the slot); up to one epoch
 * ahead of the wall clock.
 */
public final class BeaconGetProposerDuties implements RpcMethod {

  private final BeaconRpcData data;
  private final BeaconStateAccessors accessors;

  public BeaconGetProposerDuties(BeaconRpcData data, BeaconStateAccessors accessors) {
    this.data = data;
    this.accessors = accessors;
  }

  @Override
  public String name() {
    return "beacon_getProposerDuties";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    long epoch = params.required(0, "epoch", BeaconParams.UINT64).bits();
    if (epoch < 0) {
      throw RpcException.invalidParams(0, "epoch", "epoch out of range");
    }
    Slot start = EpochStates.startSlot(data, epoch);
    List<Object> beacon = new ArrayList<>();
    List<Object> shards = new ArrayList<>();
    for (int i = 0; i < data.config().slotsPerEpoch(); i++) {
      Slot slot = start.plus(i);
      BeaconState state = EpochStates.at(data, epoch, slot);
      beacon.add(duty(state, slot, accessors.getBeaconProposerIndex(state), null));
      for (int shard = 0; shard < data.config().shardCount(); shard++) {
        ShardId id = ShardId.of(shard);
        if (accessors.getBeaconCommittee(state, slot, id).isEmpty()) {
          continue; // no committee, no shard block at this slot
        }
        shards.add(duty(state, slot, accessors.getShardProposerIndex(state, slot, id), id));
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("epoch", Long.toString(epoch));
    result.put("duties", beacon);
    result.put("shard_duties", shards);
    return result;
  }

  private static Map<String, Object> duty(
      BeaconState state, Slot slot, ValidatorIndex proposer, ShardId shard) {
    Map<String, Object> duty = new LinkedHashMap<>();
    duty.put(
        "pubkey", BeaconJson.of(state.validators().get(proposer.value().longValue()).pubkey()));
    duty.put("validator_index", BeaconJson.of(proposer));
    duty.put("slot", BeaconJson.of(slot));
    if (shard != null) {
      duty.put("shard", BeaconJson.of(shard));
    }
    return duty;
  }
}
