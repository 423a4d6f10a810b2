package io.basalt.shard.datastructures;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A cross-shard receipt a destination block applies, with the SSZ branch proving it under the
 * source shard's crosslinked outbox root ({@code Crosslink.receiptsRoot}).
 */
public record IncomingReceipt(CrossShardReceipt receipt, List<Bytes32> branch) {

  /** Enough for any outbox: its depth is about 40 for up to 64 shards. */
  public static final int MAX_BRANCH_LENGTH = 64;

  public IncomingReceipt {
    Objects.requireNonNull(receipt, "receipt");
    branch = List.copyOf(branch);
  }
}
