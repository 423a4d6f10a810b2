package io.basalt.settlement.verify;

import io.basalt.common.types.ShardId;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the caller expects to be settled: batch {@code batchIndex} of rollup {@code rollupId} on
 * {@code shard} (whose chain id the batch digest already binds) with hash {@code batchHash}.
 */
public record BatchClaim(ShardId shard, long rollupId, long batchIndex, Bytes32 batchHash) {

  public BatchClaim {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(batchHash, "batchHash");
  }
}
