package io.basalt.execution.processor;

import io.basalt.common.types.UInt64;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.state.Wei;
import io.basalt.execution.state.WorldState;
import java.util.ArrayList;
import java.util.List;

/**
 * One block being executed or built on a {@link WorldState}: transactions are applied one at a time
 * with {@link #tryApply}, which refuses a transaction without changing anything (a block producer
 * skips it and tries the next), then {@link #result()} gives the receipts and totals. For one
 * thread.
 */
public final class BlockExecution {

  private final TransactionProcessor processor;
  private final WorldState state;
  private final BlockEnv env;
  private final List<Receipt> receipts = new ArrayList<>();
  private final List<OutgoingMessage> outgoing = new ArrayList<>();
  private UInt64 gasUsed = UInt64.ZERO;
  private Wei burned = Wei.ZERO;
  private Wei tips = Wei.ZERO;

  BlockExecution(TransactionProcessor processor, WorldState state, BlockEnv env) {
    this.processor = processor;
    this.state = state;
    this.env = env;
  }

  /**
   * Applies {@code tx} and records its receipt, or returns the rejection with the state and this
   * block unchanged.
   */
  public ApplyResult tryApply(RecoveredTransaction tx) {
    ApplyResult result = processor.apply(state, env, tx, gasLeft());
    if (result instanceof TransactionOutcome outcome) {
      gasUsed = gasUsed.plus(outcome.gasUsed());
      receipts.add(new Receipt(outcome.type(), outcome.success(), gasUsed, outcome.logs()));
      outgoing.addAll(outcome.outgoing());
      burned = burned.plus(outcome.burned());
      tips = tips.plus(outcome.tip());
    }
    return result;
  }

  /** Gas still free in the block. */
  public UInt64 gasLeft() {
    return env.gasLimit().minus(gasUsed);
  }

  public ExecutionResult result() {
    return new ExecutionResult(receipts, gasUsed, outgoing, burned, tips);
  }
}
