package io.basalt.node.rpc.beacon;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code beacon_getCommittees(epoch, [slot], [index])}: the attestation committees of an epoch (one
 * per shard per slot; {@code index} is the shard), optionally only of one slot and/or one shard,
 * from the canonical chain; up to one epoch ahead of the wall clock.
 */
public final class BeaconGetCommittees implements RpcMethod {

  private final BeaconRpcData data;
  private final BeaconStateAccessors accessors;

  public BeaconGetCommittees(BeaconRpcData data, BeaconStateAccessors accessors) {
    this.data = data;
    this.accessors = accessors;
  }

  @Override
  public String name() {
    return "beacon_getCommittees";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    long epoch = params.required(0, "epoch", BeaconParams.UINT64).bits();
    if (epoch < 0) {
      throw RpcException.invalidParams(0, "epoch", "epoch out of range");
    }
    Optional<UInt64> slotFilter = params.optional(1, "slot", BeaconParams.UINT64);
    Optional<Integer> indexFilter = params.optional(2, "index", BeaconParams.INDEX);
    int slotsPerEpoch = data.config().slotsPerEpoch();
    int shards = data.config().shardCount();
    Slot start = EpochStates.startSlot(data, epoch);
    if (slotFilter.isPresent()
        && (Long.compareUnsigned(slotFilter.get().bits(), start.value().longValue()) < 0
            || Long.compareUnsigned(
                    slotFilter.get().bits(), start.value().longValue() + slotsPerEpoch)
                >= 0)) {
      throw RpcException.invalidParams(
          1, "slot", "slot " + slotFilter.get() + " is not in epoch " + epoch);
    }
    if (indexFilter.isPresent() && indexFilter.get() >= shards) {
      throw RpcException.invalidParams(
          2, "index", "committee index " + indexFilter.get() + " >= shard count " + shards);
    }
    BeaconState state = EpochStates.at(data, epoch, start);
    List<Object> committees = new ArrayList<>();
    for (int i = 0; i < slotsPerEpoch; i++) {
      Slot slot = start.plus(i);
      if (slotFilter.isPresent() && !slotFilter.get().equals(slot.value())) {
        continue;
      }
      for (int shard = 0; shard < shards; shard++) {
        if (indexFilter.isPresent() && indexFilter.get() != shard) {
          continue;
        }
        List<ValidatorIndex> members = accessors.getBeaconCommittee(state, slot, ShardId.of(shard));
        Map<String, Object> committee = new LinkedHashMap<>();
        committee.put("index", Integer.toString(shard));
        committee.put("slot", BeaconJson.of(slot));
        committee.put("validators", BeaconJson.of(members));
        committees.add(committee);
      }
    }
    return committees;
  }
}
