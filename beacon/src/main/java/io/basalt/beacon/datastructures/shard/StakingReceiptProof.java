package io.basalt.beacon.datastructures.shard;

import static io.basalt.common.ssz.Field.field;

import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A staking receipt with the SSZ branch proving it under a {@link ShardOutbox} root, as a beacon
 * block carries it: the beacon chain checks the branch against the {@code receiptsRoot} of the
 * source shard's latest crosslink ({@code ShardOutbox.Schema.verify}).
 *
 * @param branch sibling hashes from the receipt's leaf up to the outbox root, leaf side first
 */
public record StakingReceiptProof(StakingReceipt receipt, List<Bytes32> branch) {

  /**
   * The longest branch a block may carry. A staking receipt sits at depth 34 of an outbox (one
   * level for the container, 32 for the list, one for its length mix-in); the slack leaves room for
   * a deeper outbox without a format change.
   */
  public static final int MAX_BRANCH_LENGTH = 64;

  public static final ContainerSchema<StakingReceiptProof> SSZ =
      ContainerSchema.ofRecord(
          StakingReceiptProof.class,
          field("receipt", StakingReceipt.SSZ, StakingReceiptProof::receipt),
          field(
              "branch",
              SszTypes.list(SszTypes.BYTES32, MAX_BRANCH_LENGTH),
              StakingReceiptProof::branch));

  public StakingReceiptProof {
    Objects.requireNonNull(receipt, "receipt");
    branch = List.copyOf(branch);
  }

  public Bytes32 hashTreeRoot() {
    return SSZ.hashTreeRoot(this);
  }
}
