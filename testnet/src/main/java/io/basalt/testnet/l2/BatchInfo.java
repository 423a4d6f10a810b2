package io.basalt.testnet.l2;

import io.basalt.execution.abi.AbiDecodingException;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.InclusionStatus;
import io.basalt.execution.settlement.SettlementAbi;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A batch as L1 sees it: the Settlement contract's {@code getBatch} record, and its status as
 * {@link SettlementClient#batch} establishes it (see there).
 */
public record BatchInfo(
    Bytes32 batchHash,
    Bytes32 parentBatchHash,
    long l2StartBlock,
    long l2EndBlock,
    Bytes32 withdrawalsRoot,
    long commitSlot,
    long challengeDeadline,
    BatchStatus status,
    InclusionStatus inclusion) {

  /**
   * Decodes {@code getBatch}'s return data.
   *
   * @throws L2Exception if it does not have getBatch's shape
   */
  public static BatchInfo decode(Bytes returnData) throws L2Exception {
    List<Object> v;
    try {
      v = SettlementAbi.GET_BATCH.decodeReturn(returnData);
    } catch (AbiDecodingException e) {
      throw new L2Exception("malformed getBatch answer: " + e.getMessage(), e);
    }
    int status = ((BigInteger) v.get(9)).intValue();
    int inclusion = ((BigInteger) v.get(10)).intValue();
    if (status >= BatchStatus.values().length || inclusion >= InclusionStatus.values().length) {
      throw new L2Exception("getBatch answered status " + status + ", inclusion " + inclusion);
    }
    return new BatchInfo(
        Bytes32.wrap((Bytes) v.get(0)),
        Bytes32.wrap((Bytes) v.get(1)),
        ((BigInteger) v.get(2)).longValue(),
        ((BigInteger) v.get(3)).longValue(),
        Bytes32.wrap((Bytes) v.get(5)),
        ((BigInteger) v.get(7)).longValue(),
        ((BigInteger) v.get(8)).longValue(),
        BatchStatus.values()[status],
        InclusionStatus.values()[inclusion]);
  }

  BatchInfo with(BatchStatus newStatus, InclusionStatus newInclusion) {
    return new BatchInfo(
        batchHash,
        parentBatchHash,
        l2StartBlock,
        l2EndBlock,
        withdrawalsRoot,
        commitSlot,
        challengeDeadline,
        newStatus,
        newInclusion);
  }
}
