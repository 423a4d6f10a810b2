package io.basalt.beacon.transition.block;

import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.state.MutableBeaconState;
import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.AttestationData;
import java.math.BigInteger;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Basalt's crosslink vote. An attestation of the committee of {@code (slot, shard)} whose {@code
 * shard_head_root} is the root of a pending header of that same shard and slot sets its attesters'
 * bits in the header's {@code votes} (the committee of {@code (slot, shard)}, in committee order)
 * and adds the effective balance of each newly set member to {@code weight}, so a member counts
 * once however many attestations carry it. When {@code 3 * weight >= 2 *
 * get_total_balance(committee)} and the header is newer than the shard's latest crosslink, it
 * becomes {@code latest_crosslinks[shard]}.
 *
 * <p>A vote for a root that is not pending for that slot and shard (zero, a header of another slot,
 * one this chain never registered) counts for no crosslink and is not an error: the attestation's
 * other votes stand.
 */
final class CrosslinkVotes {

  private final SpecConfig config;

  CrosslinkVotes(SpecConfig config) {
    this.config = config;
  }

  void record(
      MutableBeaconState state,
      AttestationData data,
      boolean currentEpoch,
      List<ValidatorIndex> committee,
      Bits bits,
      IntToLongFunction effectiveBalance) {
    if (data.shardHeadRoot().isZero()) {
      return;
    }
    ListView<PendingShardHeader> pending =
        currentEpoch
            ? state.currentEpochPendingShardHeaders()
            : state.previousEpochPendingShardHeaders();
    int position = find(pending, data);
    if (position < 0) {
      return;
    }
    PendingShardHeader header = pending.get(position);
    Bits votes = header.votes();
    if (votes.size() != committee.size()) {
      // Registered for this very committee, so sizes match; a mismatch means another committee.
      return;
    }
    UInt64 weight = header.weight().value();
    for (int i = 0; i < committee.size(); i++) {
      if (bits.get(i) && !votes.get(i)) {
        votes = votes.with(i, true);
        weight =
            weight.plus(UInt64.fromBits(effectiveBalance.applyAsLong(committee.get(i).intValue())));
      }
    }
    PendingShardHeader updated =
        new PendingShardHeader(header.crosslink(), votes, new Gwei(weight));
    ListView<PendingShardHeader> list = pending.set(position, updated);
    if (currentEpoch) {
      state.setCurrentEpochPendingShardHeaders(list);
    } else {
      state.setPreviousEpochPendingShardHeaders(list);
    }
    confirmIfSupermajority(state, updated, committee, effectiveBalance);
  }

  private void confirmIfSupermajority(
      MutableBeaconState state,
      PendingShardHeader header,
      List<ValidatorIndex> committee,
      IntToLongFunction effectiveBalance) {
    UInt64 total = UInt64.ZERO;
    for (ValidatorIndex member : committee) {
      total = total.plus(UInt64.fromBits(effectiveBalance.applyAsLong(member.intValue())));
    }
    // get_total_balance's floor: never a zero committee balance.
    Gwei committeeBalance = new Gwei(total);
    Gwei floor = config.effectiveBalanceIncrement();
    if (committeeBalance.isLessThan(floor)) {
      committeeBalance = floor;
    }
    BigInteger votes = header.weight().value().toBigInteger().multiply(BigInteger.valueOf(3));
    BigInteger needed = committeeBalance.value().toBigInteger().multiply(BigInteger.TWO);
    if (votes.compareTo(needed) < 0) {
      return;
    }
    Crosslink crosslink = header.crosslink();
    int shard = crosslink.shard().id();
    Crosslink latest = state.latestCrosslinks().get(shard);
    if (crosslink.slot().isAfter(latest.slot())) {
      state.setLatestCrosslink(shard, crosslink);
    }
  }

  private static int find(ListView<PendingShardHeader> pending, AttestationData data) {
    List<PendingShardHeader> headers = pending.toList();
    for (int i = 0; i < headers.size(); i++) {
      Crosslink crosslink = headers.get(i).crosslink();
      if (crosslink.shard().equals(data.shard())
          && crosslink.slot().equals(data.slot())
          && crosslink.shardBlockRoot().equals(data.shardHeadRoot())) {
        return i;
      }
    }
    return -1;
  }
}
