package io.basalt.shard.transition;

import static io.basalt.shard.transition.ShardBlockException.check;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.MessagingView;
import io.basalt.execution.processor.BlockEnv;
import io.basalt.execution.processor.BlockExecutionException;
import io.basalt.execution.processor.BlockExecutor;
import io.basalt.execution.processor.CrossShardTransfer;
import io.basalt.execution.processor.ExecutionResult;
import io.basalt.execution.processor.OutgoingMessage;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.processor.StakingDeposit;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.execution.transaction.TransactionDecodingException;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes48;

/**
 * The steps that run a shard block's body on its parent state, in order: pay the beacon chain's
 * withdrawals (withdrawal shard only), apply incoming cross-shard receipts, execute the
 * transactions, append their outgoing messages to the outbox. Validation and production share them,
 * so a produced block is valid by construction.
 */
public final class ShardBlockBodyProcessor {

  /** Withdrawals of exited validators are paid on this shard, the staking home shard. */
  public static final ShardId WITHDRAWAL_SHARD = ShardId.of(0);

  private final ShardSchemas schemas;
  private final BlockExecutor executor;

  public ShardBlockBodyProcessor(ShardSchemas schemas, BlockExecutor executor) {
    this.schemas = schemas;
    this.executor = executor;
  }

  public ShardSchemas schemas() {
    return schemas;
  }

  /** Runs {@code body} on {@code parent}; the new trie nodes go to the parent's node store. */
  ProcessedBody process(
      ShardState parent,
      BlockContext context,
      ShardBlockBody body,
      WorldState world,
      SenderRecoverer recoverer)
      throws ShardBlockException {
    List<PendingWithdrawal> expected = expectedWithdrawals(parent, context.anchor());
    check(
        body.withdrawals().equals(expected),
        InvalidShardBlockReason.WITHDRAWALS_MISMATCH,
        "Block pays "
            + body.withdrawals().size()
            + " withdrawals; the beacon chain has "
            + expected.size()
            + " due from index "
            + parent.withdrawalCursor());
    payWithdrawals(world, expected);
    List<UInt64> cursors = applyIncoming(parent, context.anchor(), body.incomingReceipts(), world);

    List<RecoveredTransaction> transactions = recover(decode(body.transactions()), recoverer);
    ExecutionResult execution;
    try {
      execution = executor.execute(world, env(parent, context), transactions);
    } catch (BlockExecutionException e) {
      throw new ShardBlockException(
          InvalidShardBlockReason.TRANSACTION_INVALID,
          "Transaction " + e.transactionIndex() + ": " + e.reason().message());
    }
    return finish(parent, world, cursors, expected.size(), execution, transactions);
  }

  /** The beacon withdrawals the next block after {@code parent} must pay, oldest first. */
  public List<PendingWithdrawal> expectedWithdrawals(ShardState parent, BeaconState anchor) {
    if (!parent.shard().equals(WITHDRAWAL_SHARD)) {
      return List.of();
    }
    ListView<PendingWithdrawal> queue = anchor.pendingWithdrawals();
    long from = parent.withdrawalCursor().longValue();
    long to = Math.min(queue.size(), from + ShardSchemas.MAX_WITHDRAWALS_PER_BLOCK);
    List<PendingWithdrawal> due = new ArrayList<>();
    for (long i = from; i < to; i++) {
      due.add(queue.get(i));
    }
    return due;
  }

  void payWithdrawals(WorldState world, List<PendingWithdrawal> withdrawals) {
    for (PendingWithdrawal withdrawal : withdrawals) {
      world.addBalance(withdrawal.address(), new Wei(toWei(withdrawal.amount())));
    }
  }

  /**
   * Applies {@code receipts} in order: each must be for this shard, from another shard, the next
   * index from its source (sources in ascending order), and proven under the source's crosslinked
   * outbox root in the anchor state. Returns the inbox cursors after them.
   */
  List<UInt64> applyIncoming(
      ShardState parent, BeaconState anchor, List<IncomingReceipt> receipts, WorldState world)
      throws ShardBlockException {
    check(
        receipts.size() <= schemas.config().maxIncomingReceipts(),
        InvalidShardBlockReason.TOO_MANY_INCOMING_RECEIPTS,
        receipts.size()
            + " receipts; MAX_INCOMING_RECEIPTS is "
            + schemas.config().maxIncomingReceipts());
    List<UInt64> cursors = new ArrayList<>(parent.inboxCursors());
    int lastSource = -1;
    for (int i = 0; i < receipts.size(); i++) {
      CrossShardReceipt receipt = receipts.get(i).receipt();
      int source = receipt.source().id();
      check(
          receipt.destination().equals(parent.shard())
              && source < schemas.config().shardCount()
              && source != parent.shard().id(),
          InvalidShardBlockReason.INCOMING_RECEIPT_WRONG_DESTINATION,
          "Receipt " + i + " goes from shard " + source + " to " + receipt.destination());
      check(
          source >= lastSource && receipt.index().equals(cursors.get(source)),
          InvalidShardBlockReason.INCOMING_RECEIPT_OUT_OF_ORDER,
          "Receipt "
              + i
              + " is index "
              + receipt.index()
              + " from shard "
              + source
              + "; expected index "
              + cursors.get(source)
              + (source < lastSource ? " and sources in ascending order" : ""));
      check(
          schemas
              .outbox()
              .verify(
                  receipt,
                  receipts.get(i).branch(),
                  anchor.latestCrosslinks().get(source).receiptsRoot()),
          InvalidShardBlockReason.INCOMING_RECEIPT_PROOF_INVALID,
          "Receipt " + i + " is not under shard " + source + "'s crosslinked outbox root");
      world.addBalance(receipt.recipient(), new Wei(receipt.value()));
      cursors.set(source, cursors.get(source).plus(1));
      lastSource = source;
    }
    return cursors;
  }

  List<Transaction> decode(List<Bytes> encoded) throws ShardBlockException {
    List<Transaction> transactions = new ArrayList<>(encoded.size());
    for (int i = 0; i < encoded.size(); i++) {
      try {
        transactions.add(TransactionDecoder.decode(encoded.get(i)));
      } catch (TransactionDecodingException e) {
        throw new ShardBlockException(
            InvalidShardBlockReason.TRANSACTION_UNDECODABLE,
            "Transaction " + i + ": " + e.getMessage());
      }
    }
    return transactions;
  }

  List<RecoveredTransaction> recover(List<Transaction> transactions, SenderRecoverer recoverer)
      throws ShardBlockException {
    List<SenderResult> senders = recoverer.recover(transactions);
    List<RecoveredTransaction> recovered = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      if (!(senders.get(i) instanceof SenderResult.Recovered ok)) {
        SenderResult.Invalid invalid = (SenderResult.Invalid) senders.get(i);
        throw new ShardBlockException(
            InvalidShardBlockReason.TRANSACTION_SENDER_INVALID,
            "Transaction " + i + ": " + invalid.reason().message() + " (" + invalid.detail() + ")");
      }
      recovered.add(new RecoveredTransaction(transactions.get(i), ok.sender()));
    }
    return recovered;
  }

  /** The execution environment of a block after {@code parent}. */
  BlockEnv env(ShardState parent, BlockContext context) {
    return new BlockEnv(
        parent.shard().id(),
        schemas.config().shardCount(),
        schemas.config().chainId(parent.shard()).longValue(),
        context.baseFee(),
        schemas.config().shardGasLimit(),
        context.feeRecipient(),
        messaging(parent),
        context.settlement());
  }

  /** Commits the world state and appends the block's outgoing messages to the outbox. */
  ProcessedBody finish(
      ShardState parent,
      WorldState world,
      List<UInt64> cursors,
      int withdrawalsPaid,
      ExecutionResult execution,
      List<RecoveredTransaction> transactions) {
    ShardOutbox outbox = parent.outbox();
    for (OutgoingMessage message : execution.outgoing()) {
      outbox = append(parent.shard(), outbox, message);
    }
    return new ProcessedBody(
        world.commit(),
        outbox,
        cursors,
        parent.withdrawalCursor().plus(withdrawalsPaid),
        execution,
        transactions);
  }

  private static ShardOutbox append(ShardId shard, ShardOutbox outbox, OutgoingMessage message) {
    return switch (message) {
      case CrossShardTransfer transfer -> {
        ShardId destination = ShardId.of(transfer.toShard());
        yield outbox.with(
            new CrossShardReceipt(
                shard,
                destination,
                outbox.countTo(destination),
                transfer.from(),
                transfer.to(),
                transfer.value().value(),
                transfer.txHash()));
      }
      case StakingDeposit deposit ->
          outbox.with(
              new StakingReceipt(
                  shard,
                  outbox.stakingCount(),
                  Bytes48.wrap(deposit.pubkey()),
                  deposit.withdrawalAddress(),
                  Gwei.of(deposit.amountGwei()),
                  deposit.signature(),
                  deposit.from(),
                  deposit.txHash()));
    };
  }

  /** The counts the system contracts' views report, as of {@code state}. */
  public static MessagingView messaging(ShardState state) {
    return new MessagingView() {
      @Override
      public long outgoingCount(int destination) {
        return destination == MessagingView.BEACON
            ? state.outbox().stakingCount().longValue()
            : state.outbox().countTo(ShardId.of(destination)).longValue();
      }

      @Override
      public long incomingCount(int source) {
        return source == MessagingView.BEACON
            ? state.withdrawalCursor().longValue()
            : state.inboxCursor(ShardId.of(source)).longValue();
      }
    };
  }

  private static BigInteger toWei(Gwei amount) {
    return amount.value().toBigInteger().multiply(StakingDeposit.WEI_PER_GWEI);
  }
}
