package io.basalt.shard.mempool;

import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.transaction.TransactionValidator.Account;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One sender's pooled transactions by nonce, with the account (nonce, balance) last read for it.
 *
 * <p>Pending are those with contiguous nonces from the account nonce; the rest are queued. Not
 * thread-safe: {@link ShardMempool} guards it with its lock.
 */
final class SenderTransactions {

  /** A pooled transaction and its hash, computed once. */
  record Slot(PooledTransaction pooled, Bytes32 hash) {}

  private final NavigableMap<UInt64, Slot> byNonce = new TreeMap<>();
  private Account account;

  SenderTransactions(Account account) {
    this.account = account;
  }

  Account account() {
    return account;
  }

  int size() {
    return byNonce.size();
  }

  boolean isEmpty() {
    return byNonce.isEmpty();
  }

  Optional<Slot> at(UInt64 nonce) {
    return Optional.ofNullable(byNonce.get(nonce));
  }

  /** The highest-nonce transaction: the only one that may be evicted without opening a gap. */
  Slot last() {
    return byNonce.lastEntry().getValue();
  }

  Collection<Slot> all() {
    return byNonce.values();
  }

  /** Stores {@code slot} at its nonce, returning the one it displaces. */
  Optional<Slot> put(Slot slot) {
    return Optional.ofNullable(byNonce.put(slot.pooled().tx().nonce(), slot));
  }

  void remove(UInt64 nonce) {
    byNonce.remove(nonce);
  }

  /** The number of transactions with contiguous nonces from the account nonce. */
  int pendingCount() {
    return contiguousFrom(account.nonce());
  }

  /** The number of transactions with contiguous nonces from {@code start}. */
  int contiguousFrom(UInt64 start) {
    int count = 0;
    UInt64 expected = start;
    for (Map.Entry<UInt64, Slot> entry : byNonce.tailMap(start, true).entrySet()) {
      if (!entry.getKey().equals(expected)) {
        break;
      }
      count++;
      if (expected.equals(UInt64.MAX_VALUE)) {
        break;
      }
      expected = expected.increment();
    }
    return count;
  }

  /** The pending transactions, in nonce order. */
  List<PooledTransaction> pending() {
    int count = pendingCount();
    List<PooledTransaction> pending = new ArrayList<>(count);
    for (Slot slot : byNonce.tailMap(account.nonce(), true).values()) {
      if (pending.size() == count) {
        break;
      }
      pending.add(slot.pooled());
    }
    return pending;
  }

  /**
   * The sum of upfront costs ({@code gasLimit * maxFeePerGas + value}) of every pooled transaction,
   * leaving out the one at {@code except} if any: what the balance must cover.
   */
  BigInteger totalCostExcept(Optional<UInt64> except) {
    BigInteger total = BigInteger.ZERO;
    for (Slot slot : byNonce.values()) {
      if (except.isEmpty() || !except.get().equals(slot.pooled().tx().nonce())) {
        total = total.add(FeeMarket.upfrontCost(slot.pooled().tx()));
      }
    }
    return total;
  }

  /**
   * Takes a new account state and returns the transactions that no longer fit it, removed: those
   * below the new nonce, and from the first that exceeds the block gas limit or whose cumulative
   * upfront cost (in nonce order) exceeds the balance, that one and every higher nonce.
   */
  List<Slot> reset(Account newAccount, UInt64 blockGasLimit) {
    this.account = newAccount;
    List<Slot> dropped = new ArrayList<>(byNonce.headMap(newAccount.nonce(), false).values());
    byNonce.headMap(newAccount.nonce(), false).clear();
    BigInteger spent = BigInteger.ZERO;
    UInt64 firstUnaffordable = null;
    for (Slot slot : byNonce.values()) {
      spent = spent.add(FeeMarket.upfrontCost(slot.pooled().tx()));
      if (spent.compareTo(newAccount.balance()) > 0
          || slot.pooled().tx().gasLimit().isGreaterThan(blockGasLimit)) {
        firstUnaffordable = slot.pooled().tx().nonce();
        break;
      }
    }
    if (firstUnaffordable != null) {
      NavigableMap<UInt64, Slot> tail = byNonce.tailMap(firstUnaffordable, true);
      dropped.addAll(tail.values());
      tail.clear();
    }
    return dropped;
  }
}
