package io.basalt.beacon.datastructures.shard;

import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Gwei;
import java.util.Objects;

/**
 * A shard header proposed in a beacon block and waiting for its committee's votes. {@code votes}
 * has one bit per member of the committee of {@code (crosslink.slot, crosslink.shard)} that
 * attested with {@code shard_head_root = crosslink.shardBlockRoot}; {@code weight} is their total
 * effective balance. When {@code 3 * weight >= 2 * committee balance} the crosslink is confirmed.
 * Schema: {@code BeaconSchemas.pendingShardHeader()} (the bitlist limit is {@code
 * MAX_VALIDATORS_PER_COMMITTEE}).
 *
 * @param crosslink the crosslink the header becomes if confirmed; its {@code shardBlockRoot} is the
 *     header root
 */
public record PendingShardHeader(Crosslink crosslink, Bits votes, Gwei weight) {

  public PendingShardHeader {
    Objects.requireNonNull(crosslink, "crosslink");
    Objects.requireNonNull(votes, "votes");
    Objects.requireNonNull(weight, "weight");
  }

  /** A header with no votes yet, for a committee of {@code committeeSize}. */
  public static PendingShardHeader unvoted(Crosslink crosslink, int committeeSize) {
    return new PendingShardHeader(crosslink, Bits.zeros(committeeSize), Gwei.ZERO);
  }
}
