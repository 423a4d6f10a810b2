package io.basalt.shard.mempool;

import io.basalt.execution.transaction.TxRejection;
import java.util.Objects;

/**
 * Why {@link ShardMempool#add} refused a transaction: the transaction itself is invalid ({@link
 * Invalid}, wrapping the execution module's {@link TxRejection}), or a pool rule refuses it ({@link
 * PoolRejection}). Either way {@link #message()} is the go-ethereum error string.
 */
public sealed interface AddRejection permits AddRejection.Invalid, PoolRejection {

  /** The Ethereum-client error string, as {@code eth_sendRawTransaction} returns it. */
  String message();

  /** The transaction fails validation or sender recovery. */
  record Invalid(TxRejection reason) implements AddRejection {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String message() {
      return reason.message();
    }
  }
}
