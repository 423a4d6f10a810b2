package io.basalt.execution.contracts;

import io.basalt.common.types.Address;
import io.basalt.execution.state.WorldState;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Read-only calls against one shard ({@code eth_call}): runs the call as a transaction would but
 * changes nothing, charges no gas and checks no nonce. Thread-safe if the state is not being
 * changed meanwhile.
 */
public final class SystemCalls {

  private final SystemContracts contracts;
  private final int shard;
  private final int shardCount;

  public SystemCalls(SystemContracts contracts, int shard, int shardCount) {
    this.contracts = Objects.requireNonNull(contracts, "contracts");
    if (shardCount < 1 || shard < 0 || shard >= shardCount) {
      throw new IllegalArgumentException("shard " + shard + " is not in 0.." + (shardCount - 1));
    }
    this.shard = shard;
    this.shardCount = shardCount;
  }

  /**
   * Runs {@code data} against {@code to} as {@code from}, sending {@code value} wei. A call to a
   * non-contract address returns empty data (as Ethereum for an account without code); a value the
   * sender cannot cover reverts with geth's "insufficient funds for transfer".
   */
  public CallResult call(
      Address from,
      Address to,
      Bytes data,
      BigInteger value,
      MessagingView view,
      WorldState state) {
    return call(from, to, data, value, view, SettlementView.NONE, state);
  }

  /**
   * As {@link #call(Address, Address, Bytes, BigInteger, MessagingView, WorldState)}, with the
   * Layer-1 facts the Settlement contract's views read (e.g. a batch's status). Contract storage is
   * read from {@code state}; the call's writes are discarded.
   */
  public CallResult call(
      Address from,
      Address to,
      Bytes data,
      BigInteger value,
      MessagingView view,
      SettlementView settlement,
      WorldState state) {
    if (value.signum() < 0) {
      return CallResult.reverted("negative value");
    }
    if (value.compareTo(state.getOrEmpty(from).balance().value()) > 0) {
      return CallResult.reverted("insufficient funds for transfer");
    }
    Optional<SystemContract> contract = contracts.at(to);
    if (contract.isEmpty()) {
      return CallResult.returned(Bytes.EMPTY);
    }
    ContractResult result =
        contract
            .get()
            .execute(
                new CallContext(
                    from,
                    value,
                    Bytes32.ZERO,
                    shard,
                    shardCount,
                    view,
                    new StorageOverlay(state, to),
                    settlement),
                data);
    return result.success()
        ? CallResult.returned(result.returnData())
        : CallResult.reverted(result.revertReason());
  }
}
