package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The facts a system-contract call sees: caller, value sent, the transaction's hash (zero for a
 * read-only call), this shard, the shard count and the message counts.
 */
public record CallContext(
    Address from,
    BigInteger value,
    Bytes32 txHash,
    int shard,
    int shardCount,
    MessagingView messaging) {
  public CallContext {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(messaging, "messaging");
  }
}
