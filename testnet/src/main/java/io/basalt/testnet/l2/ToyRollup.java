package io.basalt.testnet.l2;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.Withdrawal;
import io.basalt.execution.settlement.WithdrawalTree;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The toy key-value rollup's chain, as its operators run it: transactions go into the open L2
 * block, {@link #sealBlock()} closes it, {@link #sealBatch()} groups the blocks since the last
 * batch into an {@link L2Batch} whose header follows the previous batch. Not thread-safe.
 *
 * <p>Deposits are credited strictly in L1 nonce order (a gap is refused, a repeat ignored), so the
 * L2 never credits one twice or skips one. Withdrawals are numbered per rollup from 0, as the
 * contract's spent set expects. When L1 reverts a batch (a veto), {@link #reverted} rolls the chain
 * back to the state before it: its blocks, credits and withdrawals are void, and the deposits are
 * credited again from L1's log.
 */
public final class ToyRollup {

  /** What is restored when a batch is reverted. */
  private record Snapshot(
      L2Ledger ledger, long nextBlock, long nextDepositNonce, long nextWithdrawalNonce) {}

  private final long rollupId;
  private L2Ledger ledger = new L2Ledger();
  private final List<L2Tx> openBlock = new ArrayList<>();
  private final List<L2Tx> sealedTxs = new ArrayList<>();
  private final List<Withdrawal> sealedWithdrawals = new ArrayList<>();
  private final Map<Long, Snapshot> beforeBatch = new HashMap<>();
  private long nextBlock = 1;
  private long batchStartBlock = 1;
  private long nextDepositNonce;
  private long nextWithdrawalNonce;
  private long nextBatchIndex;
  private Bytes32 parentBatchHash = Bytes32.ZERO;
  private Snapshot batchStart = snapshot();

  public ToyRollup(long rollupId) {
    this.rollupId = rollupId;
  }

  public long rollupId() {
    return rollupId;
  }

  public L2Ledger ledger() {
    return ledger;
  }

  /** The L1 deposit nonce the L2 credits next. */
  public long nextDepositNonce() {
    return nextDepositNonce;
  }

  /**
   * Credits L1 deposit {@code deposit}; returns false if it was already credited.
   *
   * @throws L2Exception if it is for another rollup or an earlier deposit is missing
   */
  public boolean credit(DepositEvent deposit) throws L2Exception {
    if (deposit.rollupId() != rollupId) {
      throw new L2Exception(
          "deposit of rollup " + deposit.rollupId() + " given to rollup " + rollupId);
    }
    if (deposit.nonce() < nextDepositNonce) {
      return false;
    }
    if (deposit.nonce() > nextDepositNonce) {
      throw new L2Exception(
          "deposit " + deposit.nonce() + " arrived before deposit " + nextDepositNonce);
    }
    ledger.credit(deposit.l2Recipient(), deposit.amount());
    openBlock.add(new L2Tx.Credit(deposit.nonce(), deposit.l2Recipient(), deposit.amount()));
    nextDepositNonce++;
    return true;
  }

  public void transfer(Address from, Address to, BigInteger amount) throws L2Exception {
    positive(amount);
    ledger.debit(from, amount);
    ledger.credit(to, amount);
    openBlock.add(new L2Tx.Transfer(from, to, amount));
  }

  public void put(String key, String value) {
    ledger.put(key, value);
    openBlock.add(new L2Tx.Put(key, value));
  }

  /** Burns {@code amount} of {@code from}'s L2 funds for a withdrawal to {@code l1Recipient}. */
  public Withdrawal withdraw(Address from, Address l1Recipient, BigInteger amount)
      throws L2Exception {
    positive(amount);
    ledger.debit(from, amount);
    L2Tx.Withdraw tx = new L2Tx.Withdraw(nextWithdrawalNonce++, from, l1Recipient, amount);
    openBlock.add(tx);
    return tx.toWithdrawal();
  }

  /** Closes the open L2 block (empty blocks are allowed); returns its number. */
  public long sealBlock() {
    for (L2Tx tx : openBlock) {
      sealedTxs.add(tx);
      if (tx instanceof L2Tx.Withdraw w) {
        sealedWithdrawals.add(w.toWithdrawal());
      }
    }
    openBlock.clear();
    return nextBlock++;
  }

  /**
   * Seals the open block if it holds anything, then the blocks since the last batch into the next
   * batch, which becomes the parent of the one after.
   *
   * @throws L2Exception if no block was sealed since the last batch
   */
  public L2Batch sealBatch() throws L2Exception {
    if (!openBlock.isEmpty()) {
      sealBlock();
    }
    if (nextBlock == batchStartBlock) {
      throw new L2Exception("no L2 block since batch " + (nextBatchIndex - 1));
    }
    List<Bytes> data = new ArrayList<>();
    for (L2Tx tx : sealedTxs) {
      Bytes encoded = tx.encode();
      data.add(Bytes.ofUnsignedInt(encoded.size()));
      data.add(encoded);
    }
    BatchHeader header =
        new BatchHeader(
            parentBatchHash,
            batchStartBlock,
            nextBlock - 1,
            ledger.stateRoot(),
            WithdrawalTree.root(sealedWithdrawals.stream().map(Withdrawal::leaf).toList()),
            Hash.keccak256(Bytes.concatenate(data.toArray(Bytes[]::new))));
    L2Batch batch = new L2Batch(rollupId, nextBatchIndex, header, sealedWithdrawals, sealedTxs);
    beforeBatch.put(nextBatchIndex, batchStart);
    nextBatchIndex++;
    parentBatchHash = batch.hash();
    batchStartBlock = nextBlock;
    sealedTxs.clear();
    sealedWithdrawals.clear();
    batchStart = snapshot();
    return batch;
  }

  /**
   * L1 reverted {@code batch} and its descendants: the chain returns to the state before it. Batch
   * indices are never reused on L1, so the next batch keeps the next index; its parent is the
   * reverted batch's parent.
   */
  public void reverted(L2Batch batch) throws L2Exception {
    Snapshot before = beforeBatch.get(batch.index());
    if (before == null || batch.rollupId() != rollupId) {
      throw new L2Exception("batch " + batch.index() + " was not sealed by this rollup");
    }
    ledger = before.ledger();
    nextBlock = before.nextBlock();
    batchStartBlock = before.nextBlock();
    nextDepositNonce = before.nextDepositNonce();
    nextWithdrawalNonce = before.nextWithdrawalNonce();
    parentBatchHash = batch.header().parentBatchHash();
    openBlock.clear();
    sealedTxs.clear();
    sealedWithdrawals.clear();
    beforeBatch.keySet().removeIf(index -> index >= batch.index());
    batchStart = snapshot();
  }

  private Snapshot snapshot() {
    return new Snapshot(ledger.copy(), nextBlock, nextDepositNonce, nextWithdrawalNonce);
  }

  private static void positive(BigInteger amount) throws L2Exception {
    if (amount.signum() <= 0) {
      throw new L2Exception("amount must be positive, got " + amount);
    }
  }
}
