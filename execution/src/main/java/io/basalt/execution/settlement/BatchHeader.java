package io.basalt.execution.settlement;

import io.basalt.common.crypto.Hash;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What operators sign about one Layer-2 batch, apart from its position. As an ABI tuple: {@code
 * (bytes32 parentBatchHash, uint64 l2StartBlock, uint64 l2EndBlock, bytes32 stateRoot, bytes32
 * withdrawalsRoot, bytes32 dataHash)}.
 */
public record BatchHeader(
    Bytes32 parentBatchHash,
    long l2StartBlock,
    long l2EndBlock,
    Bytes32 stateRoot,
    Bytes32 withdrawalsRoot,
    Bytes32 dataHash) {

  /** The ABI tuple type of a header. */
  public static final AbiType TUPLE =
      AbiTypes.parse("(bytes32,uint64,uint64,bytes32,bytes32,bytes32)");

  private static final List<AbiType> HASH_TYPES =
      AbiTypes.parseList("uint64,uint64,bytes32,uint64,uint64,bytes32,bytes32,bytes32");

  public BatchHeader {
    Objects.requireNonNull(parentBatchHash, "parentBatchHash");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(withdrawalsRoot, "withdrawalsRoot");
    Objects.requireNonNull(dataHash, "dataHash");
  }

  /**
   * The batch hash: {@code keccak256(abi.encode(uint64 rollupId, uint64 batchIndex, bytes32
   * parentBatchHash, uint64 l2StartBlock, uint64 l2EndBlock, bytes32 stateRoot, bytes32
   * withdrawalsRoot, bytes32 dataHash))}.
   */
  public Bytes32 batchHash(long rollupId, long batchIndex) {
    return Hash.keccak256(
        AbiEncoder.encode(
            HASH_TYPES,
            List.of(
                Uint.of(rollupId),
                Uint.of(batchIndex),
                parentBatchHash,
                Uint.of(l2StartBlock),
                Uint.of(l2EndBlock),
                stateRoot,
                withdrawalsRoot,
                dataHash)));
  }

  /** This header as the values of {@link #TUPLE}. */
  public List<Object> toAbi() {
    return List.of(
        parentBatchHash,
        Uint.of(l2StartBlock),
        Uint.of(l2EndBlock),
        stateRoot,
        withdrawalsRoot,
        dataHash);
  }

  /** A header from the decoded values of {@link #TUPLE}. */
  public static BatchHeader fromAbi(List<?> values) {
    return new BatchHeader(
        Bytes32.wrap((org.apache.tuweni.bytes.Bytes) values.get(0)),
        Uint.toLong((BigInteger) values.get(1)),
        Uint.toLong((BigInteger) values.get(2)),
        Bytes32.wrap((org.apache.tuweni.bytes.Bytes) values.get(3)),
        Bytes32.wrap((org.apache.tuweni.bytes.Bytes) values.get(4)),
        Bytes32.wrap((org.apache.tuweni.bytes.Bytes) values.get(5)));
  }
}
