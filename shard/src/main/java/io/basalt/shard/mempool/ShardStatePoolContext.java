package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The pool's view of a shard head: its chain id, the base fee and gas limit of the next block, and
 * accounts read from the head's account trie. {@link #setHead} moves it; then call {@link
 * ShardMempool#onNewHead()}. Accounts read are remembered until the head moves (a sender's next
 * transactions and the head refresh read it again), at most {@link #MAX_CACHED} of them.
 */
public final class ShardStatePoolContext implements PoolContext {

  /** Accounts remembered per head; past this the memory starts again (rejected input included). */
  static final int MAX_CACHED = 65_536;

  private final long chainId;
  private final UInt64 gasLimit;
  private final NodeStore store;
  private volatile ShardState head;
  private WorldState accounts; // read and moved under the lock
  private final Map<Address, TransactionValidator.Account> read = new HashMap<>();

  public ShardStatePoolContext(long chainId, UInt64 gasLimit, NodeStore store, ShardState head) {
    this.chainId = chainId;
    this.gasLimit = Objects.requireNonNull(gasLimit, "gasLimit");
    this.store = Objects.requireNonNull(store, "store");
    setHead(head);
  }

  public void setHead(ShardState newHead) {
    synchronized (this) {
      this.accounts = WorldState.open(newHead.accountsRoot(), store);
      this.head = newHead;
      read.clear();
    }
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public BigInteger baseFee() {
    return head.nextBaseFee();
  }

  @Override
  public UInt64 blockGasLimit() {
    return gasLimit;
  }

  @Override
  public synchronized TransactionValidator.Account account(Address address) {
    TransactionValidator.Account known = read.get(address);
    if (known != null) {
      return known;
    }
    // WorldState is not thread-safe, even for reads (its write-back cache): read under the lock.
    Account account = accounts.getOrEmpty(address);
    if (read.size() >= MAX_CACHED) {
      read.clear();
    }
    TransactionValidator.Account result =
        new TransactionValidator.Account(account.nonce(), account.balance().value());
    read.put(address, result);
    return result;
  }
}
