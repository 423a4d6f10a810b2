package io.basalt.shard.mempool;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/** The outcome of {@link ShardMempool#add}: added, replaced a pooled transaction, or rejected. */
public sealed interface AddResult {

  /** The kind of outcome, for callers that only branch on it. */
  enum Status {
    ADDED,
    REPLACED,
    REJECTED
  }

  Status status();

  /** The transaction is now pooled (an older one may have been evicted to make room). */
  record Added(PooledTransaction pooled) implements AddResult {
    public Added {
      Objects.requireNonNull(pooled, "pooled");
    }

    @Override
    public Status status() {
      return Status.ADDED;
    }
  }

  /** The transaction took the place of the sender's pooled one with the same nonce. */
  record Replaced(PooledTransaction pooled, Bytes32 replacedHash) implements AddResult {
    public Replaced {
      Objects.requireNonNull(pooled, "pooled");
      Objects.requireNonNull(replacedHash, "replacedHash");
    }

    @Override
    public Status status() {
      return Status.REPLACED;
    }
  }

  /** The transaction was refused and the pool is unchanged. */
  record Rejected(AddRejection reason) implements AddResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Status status() {
      return Status.REJECTED;
    }

    /** The go-ethereum error string. */
    public String message() {
      return reason.message();
    }
  }
}
