package io.basalt.testnet.l2;

import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.execution.settlement.WithdrawalTree;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A sealed batch of the toy rollup: its position, the header operators sign and L1 records, and
 * what it commits to (the withdrawals behind {@code withdrawalsRoot}, the transactions behind
 * {@code dataHash}).
 */
public record L2Batch(
    long rollupId,
    long index,
    BatchHeader header,
    List<Withdrawal> withdrawals,
    List<L2Tx> transactions) {

  /** Where a withdrawal sits in the batch's tree, and the siblings proving it. */
  public record WithdrawalProof(
      Withdrawal withdrawal, long leafIndex, long leafCount, List<Bytes32> siblings) {}

  public L2Batch {
    withdrawals = List.copyOf(withdrawals);
    transactions = List.copyOf(transactions);
  }

  /** The batch hash the Settlement contract computes. */
  public Bytes32 hash() {
    return header.batchHash(rollupId, index);
  }

  /**
   * The proof of withdrawal {@code nonce} against {@code withdrawalsRoot}.
   *
   * @throws L2Exception if this batch holds no such withdrawal
   */
  public WithdrawalProof proof(long nonce) throws L2Exception {
    List<Bytes32> leaves = withdrawals.stream().map(Withdrawal::leaf).toList();
    for (int i = 0; i < withdrawals.size(); i++) {
      if (withdrawals.get(i).nonce() == nonce) {
        return new WithdrawalProof(
            withdrawals.get(i), i, leaves.size(), WithdrawalTree.proof(leaves, i));
      }
    }
    throw new L2Exception("batch " + index + " holds no withdrawal with nonce " + nonce);
  }
}
