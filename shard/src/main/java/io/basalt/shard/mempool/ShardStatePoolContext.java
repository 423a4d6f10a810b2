package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.state.ShardState;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The pool's view of a shard head: its chain id, the base fee and gas limit of the next block, and
 * accounts read from the head's account trie. {@link #setHead} moves it; then call {@link
 * ShardMempool#onNewHead()}.
 */
public final class ShardStatePoolContext implements PoolContext {

  private final long chainId;
  private final UInt64 gasLimit;
  private final NodeStore store;
  private volatile ShardState head;
  private volatile WorldState accounts;

  public ShardStatePoolContext(long chainId, UInt64 gasLimit, NodeStore store, ShardState head) {
    this.chainId = chainId;
    this.gasLimit = Objects.requireNonNull(gasLimit, "gasLimit");
    this.store = Objects.requireNonNull(store, "store");
    setHead(head);
  }

  public void setHead(ShardState newHead) {
    this.accounts = WorldState.open(newHead.accountsRoot(), store);
    this.head = newHead;
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
  public TransactionValidator.Account account(Address address) {
    Account account;
    synchronized (this) { // WorldState is not thread-safe, even for reads (its write-back cache)
      account = accounts.getOrEmpty(address);
    }
    return new TransactionValidator.Account(account.nonce(), account.balance().value());
  }
}
