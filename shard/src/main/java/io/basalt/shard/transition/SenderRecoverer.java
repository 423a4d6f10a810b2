package io.basalt.shard.transition;

import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import java.util.List;

/**
 * Recovers the senders of a block's transactions, in order. The rules use {@link #SEQUENTIAL}; the
 * node passes one that spreads the work over its cores ({@code
 * io.basalt.shard.executor.ParallelSenderRecovery}).
 */
@FunctionalInterface
public interface SenderRecoverer {

  SenderRecoverer SEQUENTIAL =
      transactions -> transactions.stream().map(SenderRecovery::recover).toList();

  List<SenderResult> recover(List<Transaction> transactions);
}
