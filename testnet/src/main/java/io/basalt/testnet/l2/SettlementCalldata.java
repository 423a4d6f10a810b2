package io.basalt.testnet.l2;

import io.basalt.common.types.Address;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.Uint;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * Calldata for the Settlement contract's functions, from the toy rollup's types (ABI in {@link
 * SettlementAbi} and docs/settlement.md).
 */
public final class SettlementCalldata {

  private SettlementCalldata() {}

  /** {@code registerRollup}; {@code challengers} may be null for a rollup without vetoes. */
  public static Bytes registerRollup(
      BlsCommittee operators, BlsCommittee challengers, long challengePeriod) {
    boolean none = challengers == null;
    List<Object> config =
        List.of(
            Uint.of(operators.threshold()),
            Uint.of(challengePeriod),
            none ? List.of() : challengers.pubkeys(),
            none ? List.of() : uints(challengers.weights()),
            Uint.of(none ? 0 : challengers.threshold()),
            none ? List.of() : challengers.proofsOfPossession());
    return SettlementAbi.REGISTER_ROLLUP.encodeCall(
        List.of(
            config,
            operators.pubkeys(),
            uints(operators.weights()),
            operators.proofsOfPossession()));
  }

  public static Bytes deposit(long rollupId, Address l2Recipient, Bytes data) {
    return SettlementAbi.DEPOSIT.encodeCall(List.of(Uint.of(rollupId), l2Recipient, data));
  }

  /** {@code commitBatch} of {@code header} at {@code index}, with the quorum's signature. */
  public static Bytes commitBatch(
      long rollupId, long index, BatchHeader header, BlsCommittee.QuorumSignature signed) {
    return SettlementAbi.COMMIT_BATCH.encodeCall(
        List.of(
            Uint.of(rollupId),
            Uint.of(index),
            header.parentBatchHash(),
            Uint.of(header.l2StartBlock()),
            Uint.of(header.l2EndBlock()),
            header.stateRoot(),
            header.withdrawalsRoot(),
            header.dataHash(),
            signed.bitmap(),
            signed.signature()));
  }

  public static Bytes finalizeWithdrawal(
      long rollupId, long batchIndex, L2Batch.WithdrawalProof proof) {
    return SettlementAbi.FINALIZE_WITHDRAWAL.encodeCall(
        List.of(
            Uint.of(rollupId),
            Uint.of(batchIndex),
            proof.withdrawal().toAbi(),
            Uint.of(proof.leafIndex()),
            List.of(Uint.of(proof.leafCount()), proof.siblings())));
  }

  /** A VETO of batch {@code index}, signed by a challenger quorum. */
  public static Bytes veto(long rollupId, long index, BlsCommittee.QuorumSignature signed) {
    Bytes evidence =
        AbiEncoder.encode(
            SettlementAbi.VETO_EVIDENCE, List.of(signed.bitmap(), signed.signature()));
    return challenge(rollupId, index, SettlementAbi.VETO, evidence);
  }

  /** An EQUIVOCATION challenge: two different headers at {@code index}, each quorum-signed. */
  public static Bytes equivocation(
      long rollupId,
      long index,
      BatchHeader a,
      BlsCommittee.QuorumSignature signedA,
      BatchHeader b,
      BlsCommittee.QuorumSignature signedB) {
    Bytes evidence =
        AbiEncoder.encode(
            SettlementAbi.EQUIVOCATION_EVIDENCE,
            List.of(
                a.toAbi(),
                signedA.bitmap(),
                signedA.signature(),
                b.toAbi(),
                signedB.bitmap(),
                signedB.signature()));
    return challenge(rollupId, index, SettlementAbi.EQUIVOCATION, evidence);
  }

  private static Bytes challenge(long rollupId, long index, int kind, Bytes evidence) {
    return SettlementAbi.CHALLENGE_BATCH.encodeCall(
        List.of(Uint.of(rollupId), Uint.of(index), BigInteger.valueOf(kind), evidence));
  }

  private static List<BigInteger> uints(List<Long> values) {
    return values.stream().map(Uint::of).toList();
  }
}
