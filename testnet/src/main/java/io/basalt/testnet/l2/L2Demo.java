package io.basalt.testnet.l2;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.execution.settlement.BatchStatus;
import io.basalt.execution.settlement.Withdrawal;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The toy L2's round trip against a running testnet, one printed line per step: register a rollup,
 * deposit from a dev account, credit it on L2, commit a batch holding a withdrawal, wait until L1
 * settles the batch, verify its finalized inclusion from proofs without trusting the node, finalize
 * the withdrawal with its Merkle proof.
 */
public final class L2Demo {

  /** The protocol minimum (docs/settlement.md). */
  static final long CHALLENGE_PERIOD = 16;

  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private final SettlementClient settlement;
  private final SettlementProofCheck proofs;
  private final SecpPrivateKey operatorKey;
  private final SecpPrivateKey user;
  private final PrintWriter out;
  private final long timeoutSeconds;

  /**
   * @param operatorKey the L1 account the operators send batches from (and pay the bond)
   * @param user the L1 account that deposits and withdraws
   * @param timeoutSeconds how long to wait for the batch to settle
   */
  public L2Demo(
      L1Client l1,
      SettlementProofCheck proofs,
      SecpPrivateKey operatorKey,
      SecpPrivateKey user,
      PrintWriter out,
      long timeoutSeconds) {
    this.settlement = new SettlementClient(l1);
    this.proofs = proofs;
    this.operatorKey = operatorKey;
    this.user = user;
    this.out = out;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs every step; returns the paid withdrawal. */
  public Withdrawal run() throws L2Exception {
    L1Client l1 = settlement.l1();
    Address userAddress = l1.addressOf(user);
    BlsCommittee operators = BlsCommittee.derived("l2-demo/operators", List.of(1L, 1L, 1L, 1L), 3);
    BlsCommittee challengers = BlsCommittee.derived("l2-demo/challengers", List.of(1L, 1L, 1L), 2);

    long rollupId =
        settlement.register(operatorKey, operators, challengers, CHALLENGE_PERIOD, ETHER);
    step(
        "registered rollup "
            + rollupId
            + ": 4 BLS operators (quorum 3), 3 challengers (quorum 2), challenge period "
            + CHALLENGE_PERIOD
            + " slots, bond 1 ETH");
    ToyRollup rollup = new ToyRollup(rollupId);

    BigInteger amount = ETHER.multiply(BigInteger.TWO);
    L1Receipt deposit = settlement.deposit(user, rollupId, userAddress, amount);
    step(
        "deposited "
            + eth(amount)
            + " from "
            + userAddress
            + " in L1 block "
            + deposit.blockNumber());

    for (DepositEvent credited : settlement.syncDeposits(rollup)) {
      step(
          "L2 credited deposit "
              + credited.nonce()
              + ": "
              + credited.l2Recipient()
              + " now holds "
              + eth(rollup.ledger().balanceOf(credited.l2Recipient()))
              + " on L2");
    }

    rollup.put("hello", "world");
    rollup.sealBlock();
    Withdrawal withdrawal = rollup.withdraw(userAddress, userAddress, ETHER);
    L2Batch batch = rollup.sealBatch();
    step(
        "L2 sealed batch "
            + batch.index()
            + " (blocks "
            + batch.header().l2StartBlock()
            + ".."
            + batch.header().l2EndBlock()
            + ") with withdrawal "
            + withdrawal.nonce()
            + " of "
            + eth(withdrawal.amount()));

    L1Receipt commit = settlement.commit(operatorKey, operators, batch);
    if (!commit.success()) {
      throw new L2Exception("commitBatch reverted in block " + commit.blockNumber());
    }
    BatchInfo info = settlement.batch(rollupId, batch.index());
    step(
        "committed batch "
            + batch.index()
            + " "
            + info.batchHash()
            + " at slot "
            + info.commitSlot()
            + "; challenge window ends at slot "
            + info.challengeDeadline());

    info = awaitSettled(rollupId, batch.index(), info);
    step(
        "verified batch "
            + batch.index()
            + " is in a finalized L1 state from the genesis validator set: "
            + proofs.verify(rollupId, batch.index(), info.batchHash()));

    BigInteger before = l1.balance(userAddress);
    L1Receipt paid = settlement.finalizeWithdrawal(user, batch, withdrawal.nonce());
    for (int attempt = 1; attempt < 5 && !paid.success(); attempt++) {
      // The next block may not see the finality this node's views do yet.
      L1Client.sleep(4000);
      before = l1.balance(userAddress);
      paid = settlement.finalizeWithdrawal(user, batch, withdrawal.nonce());
    }
    if (!paid.success()) {
      throw new L2Exception(
          "finalizeWithdrawal kept reverting (last in block " + paid.blockNumber() + ")");
    }
    BigInteger after = l1.balance(userAddress);
    step(
        "withdrawal "
            + withdrawal.nonce()
            + " finalized in L1 block "
            + paid.blockNumber()
            + ": L1 balance "
            + eth(before)
            + " -> "
            + eth(after)
            + " (+"
            + eth(withdrawal.amount())
            + " minus "
            + paid.fee()
            + " wei fee); spent="
            + settlement.isSpent(rollupId, withdrawal.nonce())
            + ", escrow left "
            + eth(settlement.escrow(rollupId).get(0)));
    return withdrawal;
  }

  private BatchInfo awaitSettled(long rollupId, long index, BatchInfo first) throws L2Exception {
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    BatchInfo last = first;
    while (last.status() != BatchStatus.SETTLED) {
      if (last.status() == BatchStatus.REVERTED) {
        throw new L2Exception("batch " + index + " was reverted");
      }
      if (System.nanoTime() > deadline) {
        throw new L2Exception(
            "batch "
                + index
                + " not settled after "
                + timeoutSeconds
                + " s: "
                + last.status()
                + ", L1 inclusion "
                + last.inclusion()
                + " (is the testnet finalizing?)");
      }
      L1Client.sleep(2000);
      BatchInfo now = settlement.batch(rollupId, index);
      if (now.status() != last.status() || now.inclusion() != last.inclusion()) {
        step(
            "batch "
                + index
                + ": "
                + now.status()
                + ", L1 inclusion "
                + now.inclusion()
                + " (head slot "
                + settlement.l1().headSlot()
                + ")");
      }
      last = now;
    }
    return last;
  }

  private void step(String line) {
    out.println(line);
    out.flush();
  }

  private static String eth(BigInteger wei) {
    return new BigDecimal(wei, 18).stripTrailingZeros().toPlainString() + " ETH";
  }
}
