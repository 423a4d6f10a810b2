package io.basalt.execution.processor;

import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.WorldState;
import java.util.List;
import java.util.Objects;

/**
 * Executes a shard block's transactions (senders already recovered) on the parent's state. Incoming
 * cross-shard credits are not its business: the shard module applies them and turns the outgoing
 * messages into receipts. Thread-safe; each call works on the state it is given.
 */
public final class BlockExecutor {

  private final TransactionProcessor processor;

  public BlockExecutor(SystemContracts contracts) {
    this.processor = new TransactionProcessor(contracts);
  }

  /**
   * Applies every transaction in order.
   *
   * <p>On {@link BlockExecutionException} the block is invalid and {@code state} is left <b>partly
   * applied</b> (every transaction before the invalid one); the caller must discard it (it executes
   * on a snapshot of the parent state for this reason).
   *
   * @throws BlockExecutionException naming the first transaction that cannot be included
   */
  public ExecutionResult execute(
      WorldState state, BlockEnv env, List<RecoveredTransaction> transactions)
      throws BlockExecutionException {
    BlockExecution block = start(state, env);
    for (int i = 0; i < transactions.size(); i++) {
      if (block.tryApply(transactions.get(i)) instanceof ApplyResult.Rejected rejected) {
        throw new BlockExecutionException(i, rejected.reason());
      }
    }
    return block.result();
  }

  /** Starts building a block on {@code state}, one {@link BlockExecution#tryApply} at a time. */
  public BlockExecution start(WorldState state, BlockEnv env) {
    return new BlockExecution(
        processor, Objects.requireNonNull(state, "state"), Objects.requireNonNull(env, "env"));
  }
}
