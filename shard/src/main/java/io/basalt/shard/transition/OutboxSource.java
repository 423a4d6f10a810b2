package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.ShardId;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The outbox of a shard after one of its blocks, for a producer building receipt proofs against a
 * crosslink. Validation never needs it: a block carries its proofs.
 */
@FunctionalInterface
public interface OutboxSource {

  Optional<ShardOutbox> outboxAfter(ShardId shard, Bytes32 shardBlockRoot);
}
