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
 * <p>Pending are those with contiguous nonces from the account nonce; the rest are queued. The sum
 * of upfront costs and a bound on the gas limits are kept up to date, so admission and {@link
 * #reset} with an account that still covers everything cost no pass over the transactions. Not
 * thread-safe: {@link ShardMempool} guards it with its lock.
 */
final class SenderTransactions {

  /** A pooled transaction and its hash, computed once. */
  record Slot(PooledTransaction pooled, Bytes32 hash) {}

  private final NavigableMap<UInt64, Slot> byNonce = new TreeMap<>();
  private Account account;
  private BigInteger totalCost = BigInteger.ZERO;
  private UInt64 gasLimitBound = UInt64.ZERO; // no pooled transaction's gas limit exceeds it

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
    Slot displaced = byNonce.put(slot.pooled().tx().nonce(), slot);
    totalCost = totalCost.add(cost(slot));
    if (displaced != null) {
      totalCost = totalCost.subtract(cost(displaced));
    }
    UInt64 gasLimit = slot.pooled().tx().gasLimit();
    if (gasLimit.isGreaterThan(gasLimitBound)) {
      gasLimitBound = gasLimit;
    }
    return Optional.ofNullable(displaced);
  }

  void remove(UInt64 nonce) {
    Slot removed = byNonce.remove(nonce);
    if (removed != null) {
      totalCost = totalCost.subtract(cost(removed));
    }
  }

  /**
   * Whether some transaction waits behind a nonce gap; then the highest nonce is one of them. (With
   * no gap the nonces from the account nonce on are contiguous, so the highest is account nonce +
   * size - 1.)
   */
  boolean hasQueued() {
    if (isEmpty()) {
      return false;
    }
    UInt64 last = byNonce.lastKey();
    return last.isGreaterThanOrEqualTo(account.nonce())
        && last.minus(account.nonce()).isGreaterThanOrEqualTo(UInt64.valueOf(size()));
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
    Slot left = except.map(byNonce::get).orElse(null);
    return left == null ? totalCost : totalCost.subtract(cost(left));
  }

  /**
   * Takes a new account state and returns the transactions that no longer fit it, removed: those
   * below the new nonce, and from the first that exceeds the block gas limit or whose cumulative
   * upfront cost (in nonce order) exceeds the balance, that one and every higher nonce.
   */
  List<Slot> reset(Account newAccount, UInt64 blockGasLimit) {
    this.account = newAccount;
    NavigableMap<UInt64, Slot> stale = byNonce.headMap(newAccount.nonce(), false);
    List<Slot> dropped = new ArrayList<>(stale.values());
    dropped.forEach(slot -> totalCost = totalCost.subtract(cost(slot)));
    stale.clear();
    if (totalCost.compareTo(newAccount.balance()) <= 0
        && !gasLimitBound.isGreaterThan(blockGasLimit)) {
      return dropped; // every prefix is covered and no gas limit is too high
    }
    BigInteger spent = BigInteger.ZERO;
    UInt64 firstUnaffordable = null;
    UInt64 highestGasLimit = UInt64.ZERO;
    for (Slot slot : byNonce.values()) {
      spent = spent.add(cost(slot));
      UInt64 gasLimit = slot.pooled().tx().gasLimit();
      if (spent.compareTo(newAccount.balance()) > 0 || gasLimit.isGreaterThan(blockGasLimit)) {
        firstUnaffordable = slot.pooled().tx().nonce();
        break;
      }
      highestGasLimit = gasLimit.isGreaterThan(highestGasLimit) ? gasLimit : highestGasLimit;
    }
    if (firstUnaffordable != null) {
      NavigableMap<UInt64, Slot> tail = byNonce.tailMap(firstUnaffordable, true);
      dropped.addAll(tail.values());
      tail.values().forEach(slot -> totalCost = totalCost.subtract(cost(slot)));
      tail.clear();
    }
    gasLimitBound = highestGasLimit;
    return dropped;
  }

  private static BigInteger cost(Slot slot) {
    return FeeMarket.upfrontCost(slot.pooled().tx());
  }
}
