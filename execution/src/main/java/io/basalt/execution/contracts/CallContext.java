package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import java.math.BigInteger;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The facts a system-contract call sees: caller, value sent, the transaction's hash (zero for a
 * read-only call), this shard, the shard count, the message counts, the contract's own storage and
 * what the Settlement contract knows of Layer 1.
 *
 * @param storage the called contract's storage slots; writes are kept only if the call succeeds
 * @param settlement chain id, slot and L1 finality facts (see {@link SettlementView})
 */
public record CallContext(
    Address from,
    BigInteger value,
    Bytes32 txHash,
    int shard,
    int shardCount,
    MessagingView messaging,
    ContractStorage storage,
    SettlementView settlement) {
  public CallContext {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(txHash, "txHash");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(settlement, "settlement");
  }

  /** A call with empty, call-local storage and {@link SettlementView#NONE}. */
  public CallContext(
      Address from,
      BigInteger value,
      Bytes32 txHash,
      int shard,
      int shardCount,
      MessagingView messaging) {
    this(
        from,
        value,
        txHash,
        shard,
        shardCount,
        messaging,
        ContractStorage.empty(),
        SettlementView.NONE);
  }
}
