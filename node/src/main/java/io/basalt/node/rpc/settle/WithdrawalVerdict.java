package io.basalt.node.rpc.settle;

import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.settlement.InclusionStatus;
import io.basalt.execution.settlement.RollupRecord;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a withdrawal of a batch can be finalized now, with the reason, in the order the contract
 * checks: a reverted batch pays nothing; a paid nonce is never paid again; an unsettled batch must
 * wait; a frozen rollup or a short escrow refuses. {@code CLAIMABLE} does not check the leaf is in
 * the batch's tree: {@code finalizeWithdrawal} proves that.
 */
record WithdrawalVerdict(Status status, String reason) {

  enum Status {
    SPENT,
    CLAIMABLE,
    NOT_SETTLED,
    REVERTED,
    REFUSED,
    /** Only a leaf hash was given and its payment cannot be looked up (logs too old). */
    UNKNOWN
  }

  /**
   * @param spent whether the withdrawal's nonce was paid; empty when unknown
   * @param amount the withdrawal's amount, if known
   */
  static WithdrawalVerdict of(
      BatchState batch,
      RollupRecord rollup,
      SettlementView view,
      Optional<Boolean> spent,
      Optional<BigInteger> amount) {
    String name = "batch " + Long.toUnsignedString(batch.batchIndex());
    switch (batch.status()) {
      case REVERTED -> {
        return new WithdrawalVerdict(
            Status.REVERTED, name + " was reverted by a challenge: its withdrawals are refused");
      }
      case COMMITTED -> {
        if (spent.orElse(false)) {
          break; // paid through another batch holding the same nonce
        }
        return new WithdrawalVerdict(Status.NOT_SETTLED, notSettled(name, batch, view));
      }
      case SETTLED -> {}
    }
    if (spent.orElse(false)) {
      return new WithdrawalVerdict(Status.SPENT, "the withdrawal's nonce was already finalized");
    }
    if (rollup.frozen()) {
      return new WithdrawalVerdict(
          Status.REFUSED, "rollup " + Long.toUnsignedString(batch.rollupId()) + " is frozen");
    }
    if (amount.isPresent() && rollup.escrow().compareTo(amount.get()) < 0) {
      return new WithdrawalVerdict(
          Status.REFUSED,
          "escrow of " + rollup.escrow() + " wei cannot pay a withdrawal of " + amount.get());
    }
    if (spent.isEmpty()) {
      return new WithdrawalVerdict(
          Status.UNKNOWN,
          name
              + " is SETTLED, but a leaf hash does not name the nonce and no payment of it is in"
              + " the searchable logs: pass the withdrawal {nonce, recipient, amount}");
    }
    return new WithdrawalVerdict(
        Status.CLAIMABLE,
        name
            + " is SETTLED and the nonce is unpaid: finalizeWithdrawal with a proof of the leaf"
            + " against its withdrawalsRoot");
  }

  private static String notSettled(String name, BatchState batch, SettlementView view) {
    List<String> waits = new ArrayList<>();
    if (batch.inclusion() != InclusionStatus.FINALIZED) {
      waits.add("its L1 inclusion is " + batch.inclusion() + ", not FINALIZED");
    }
    if (view.slot().isBefore(batch.challengeDeadline())) {
      waits.add(
          "its challenge window closes at slot "
              + batch.challengeDeadline()
              + " (now "
              + view.slot()
              + ")");
    }
    return name + " is COMMITTED: " + String.join("; ", waits);
  }
}
