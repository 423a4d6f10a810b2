package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.execution.transaction.Transaction;
import java.util.Objects;

/**
 * A transaction held by the pool, with its recovered sender.
 *
 * @param arrival the pool's admission sequence number (later admissions have larger numbers); it
 *     breaks ties between equal tips, earlier first, and is not a clock reading
 */
public record PooledTransaction(Transaction tx, Address sender, long arrival) {
  public PooledTransaction {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(sender, "sender");
  }
}
