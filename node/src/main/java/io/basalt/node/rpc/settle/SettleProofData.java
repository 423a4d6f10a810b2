package io.basalt.node.rpc.settle;

import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.RpcException;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import java.util.Optional;

/** What the settlement proof methods read from the chain. */
public interface SettleProofData {

  /**
   * The proof of batch {@code (rollupId, batchIndex)} on {@code shard} against the latest finalized
   * checkpoint.
   *
   * @throws RpcException if the batch is unknown or its inclusion is not finalized yet
   */
  CommitmentProof commitmentProof(ShardId shard, long rollupId, long batchIndex)
      throws RpcException;

  /**
   * The finality proof of the finalized checkpoint of {@code epoch} (the latest finalized one if
   * empty).
   *
   * @throws RpcException if that epoch is not finalized, or its votes are no longer stored
   */
  FinalityProof finalityProof(Optional<Epoch> epoch) throws RpcException;
}
