package io.basalt.execution.settlement;

import io.basalt.common.crypto.Hash;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiType;
import io.basalt.execution.abi.AbiTypes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The 32-byte messages operators and challengers sign with BLS. Each starts with a tag naming its
 * purpose and binds the chain id, the shard and the rollup, so a signature for one rollup, shard,
 * chain or purpose is worthless for any other:
 *
 * <pre>
 * commitDigest    = keccak256(abi.encode(COMMIT_TAG, uint256 chainId, uint32 shard,
 *                                        uint64 rollupId, bytes32 batchHash))
 * vetoDigest      = keccak256(abi.encode(VETO_TAG, uint256 chainId, uint32 shard,
 *                                        uint64 rollupId, uint64 batchIndex, bytes32 batchHash))
 * operatorsDigest = keccak256(abi.encode(OPERATORS_TAG, uint256 chainId, uint32 shard,
 *                                        uint64 rollupId, uint64 nonce, bytes[] pubkeys,
 *                                        uint64[] weights, uint64 thresholdWeight))
 * </pre>
 *
 * where each tag is {@code keccak256} of its ASCII name ({@link #COMMIT_TAG}...). Proofs of
 * possession are not here: they are the standard BLS PoP over the public key ({@code
 * Bls.popVerify}, a separate DST), which no digest can collide with.
 */
public final class SettlementDigests {

  public static final Bytes32 COMMIT_TAG = tag("basalt.settlement.commitBatch.v1");
  public static final Bytes32 VETO_TAG = tag("basalt.settlement.veto.v1");
  public static final Bytes32 OPERATORS_TAG = tag("basalt.settlement.updateOperators.v1");

  private static final List<AbiType> COMMIT =
      AbiTypes.parseList("bytes32,uint256,uint32,uint64,bytes32");
  private static final List<AbiType> VETO =
      AbiTypes.parseList("bytes32,uint256,uint32,uint64,uint64,bytes32");
  private static final List<AbiType> OPERATORS =
      AbiTypes.parseList("bytes32,uint256,uint32,uint64,uint64,bytes[],uint64[],uint64");

  private SettlementDigests() {}

  public static Bytes32 commitDigest(long chainId, int shard, long rollupId, Bytes32 batchHash) {
    return Hash.keccak256(
        AbiEncoder.encode(
            COMMIT,
            List.of(
                COMMIT_TAG,
                Uint.of(chainId),
                BigInteger.valueOf(shard),
                Uint.of(rollupId),
                batchHash)));
  }

  public static Bytes32 vetoDigest(
      long chainId, int shard, long rollupId, long batchIndex, Bytes32 batchHash) {
    return Hash.keccak256(
        AbiEncoder.encode(
            VETO,
            List.of(
                VETO_TAG,
                Uint.of(chainId),
                BigInteger.valueOf(shard),
                Uint.of(rollupId),
                Uint.of(batchIndex),
                batchHash)));
  }

  public static Bytes32 operatorsDigest(
      long chainId, int shard, long rollupId, long nonce, WeightedKeys operators) {
    return Hash.keccak256(
        AbiEncoder.encode(
            OPERATORS,
            List.of(
                OPERATORS_TAG,
                Uint.of(chainId),
                BigInteger.valueOf(shard),
                Uint.of(rollupId),
                Uint.of(nonce),
                operators.pubkeys(),
                operators.weights().stream().map(Uint::of).toList(),
                Uint.of(operators.thresholdWeight()))));
  }

  private static Bytes32 tag(String name) {
    return Hash.keccak256(Bytes.wrap(name.getBytes(StandardCharsets.US_ASCII)));
  }
}
