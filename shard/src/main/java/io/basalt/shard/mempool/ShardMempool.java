package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.FeeMarket;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.execution.transaction.TransactionDecodingException;
import io.basalt.execution.transaction.TransactionValidator;
import io.basalt.execution.transaction.TransactionValidator.Account;
import io.basalt.execution.transaction.TransactionValidator.NonceMode;
import io.basalt.execution.transaction.TxRejection;
import io.basalt.shard.mempool.SenderTransactions.Slot;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * One shard's transaction pool: admits signed transactions with go-ethereum's rules and messages,
 * keeps them per sender as pending (contiguous nonces from the account nonce) or queued (after a
 * gap), and hands the block producer an executable selection.
 *
 * <p>Thread-safe: RPC and gossip threads {@link #add} while the producer calls {@link
 * #selectForBlock}. One lock guards the state; sender recovery, the expensive step, runs outside
 * it. {@link PoolContext} is only called under the lock.
 *
 * <p>Bounded: at most {@link MempoolConfig#maxTransactions()} transactions, and every map is keyed
 * by pooled transactions or their senders, so nothing grows with rejected input.
 */
public final class ShardMempool {

  private final MempoolConfig config;
  private final PoolContext context;
  private final Object lock = new Object();
  private final Map<Bytes32, PooledTransaction> byHash = new HashMap<>();
  private final Map<Address, SenderTransactions> bySender = new HashMap<>();
  private final EvictionIndex evictionIndex = new EvictionIndex();
  private long nextArrival;

  public ShardMempool(MempoolConfig config, PoolContext context) {
    this.config = Objects.requireNonNull(config, "config");
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * Offers a transaction. Checks, in order: already known; the stateless validation (size, type of
   * call, fees, signature values, chain id, intrinsic gas); sender recovery; validation against the
   * sender's account with future nonces allowed; the nonce gap; replacement pricing, or the
   * per-sender cap for a new nonce; the sender's pooled upfront costs plus this one against the
   * balance ({@code insufficient funds}); and room in the pool, evicting the cheapest evictable
   * transaction if this one pays a higher tip.
   *
   * <p>Before the pool rules run, the sender's pooled transactions are brought up to its account in
   * the head state (stale nonces dropped), so that may happen even when the result is a rejection.
   */
  public AddResult add(Transaction tx) {
    return add(tx, () -> SenderRecovery.recover(tx));
  }

  /**
   * {@link #add} with the sender already recovered by the caller (from {@link
   * SenderRecovery#recover} on {@code tx}), so that the expensive step can run on another thread.
   */
  public AddResult add(Transaction tx, SenderResult recovered) {
    Objects.requireNonNull(recovered, "recovered");
    return add(tx, () -> recovered);
  }

  private AddResult add(Transaction tx, Supplier<SenderResult> recovery) {
    Objects.requireNonNull(tx, "tx");
    Bytes32 hash = tx.hash();
    synchronized (lock) {
      if (byHash.containsKey(hash)) {
        return reject(PoolRejection.ALREADY_KNOWN);
      }
      Optional<TxRejection> stateless =
          TransactionValidator.validateStateless(tx, context.chainId(), context.blockGasLimit());
      if (stateless.isPresent()) {
        return reject(stateless.get());
      }
    }
    return switch (recovery.get()) {
      case SenderResult.Invalid invalid -> reject(invalid.reason());
      case SenderResult.Recovered sender -> {
        synchronized (lock) {
          yield admit(tx, hash, sender.sender());
        }
      }
    };
  }

  private AddResult admit(Transaction tx, Bytes32 hash, Address sender) {
    if (byHash.containsKey(hash)) {
      return reject(PoolRejection.ALREADY_KNOWN); // another thread added it during recovery
    }
    Account account = context.account(sender);
    Optional<TxRejection> invalid =
        TransactionValidator.validateAgainstAccount(
            tx, context.baseFee(), account, NonceMode.ALLOW_FUTURE);
    if (invalid.isPresent()) {
      return reject(invalid.get());
    }
    if (tx.nonce().minus(account.nonce()).isGreaterThan(UInt64.valueOf(config.maxNonceGap()))) {
      return reject(PoolRejection.NONCE_GAP_TOO_LARGE);
    }
    SenderTransactions pooled = refreshed(sender, account);
    Optional<Slot> existing = pooled.at(tx.nonce());
    if (existing.isPresent()) {
      if (!PoolPricing.outbids(tx, existing.get().pooled().tx(), config.priceBumpPercent())) {
        return reject(PoolRejection.REPLACEMENT_UNDERPRICED);
      }
    } else if (pooled.size() >= config.maxPerSender()) {
      return reject(PoolRejection.ACCOUNT_LIMIT_EXCEEDED);
    }
    BigInteger committed = pooled.totalCostExcept(existing.map(slot -> tx.nonce()));
    if (committed.add(FeeMarket.upfrontCost(tx)).compareTo(account.balance()) > 0) {
      return reject(TxRejection.INSUFFICIENT_FUNDS);
    }
    if (existing.isEmpty() && byHash.size() >= config.maxTransactions()) {
      boolean executable = tx.nonce().equals(account.nonce().plus(pooled.pendingCount()));
      Optional<Slot> victim =
          evictionIndex.victim(sender, tx, executable, context.baseFee(), bySender);
      if (victim.isEmpty()) {
        return reject(PoolRejection.TXPOOL_FULL);
      }
      remove(victim.get());
    }
    PooledTransaction entry = new PooledTransaction(tx, sender, nextArrival++);
    existing.ifPresent(old -> byHash.remove(old.hash()));
    pooled.put(new Slot(entry, hash));
    byHash.put(hash, entry);
    bySender.putIfAbsent(sender, pooled);
    evictionIndex.update(sender, pooled);
    return existing
        .<AddResult>map(old -> new AddResult.Replaced(entry, old.hash()))
        .orElseGet(() -> new AddResult.Added(entry));
  }

  /** The sender's transactions brought up to {@code account}, stale ones dropped. */
  private SenderTransactions refreshed(Address sender, Account account) {
    SenderTransactions pooled = bySender.get(sender);
    if (pooled == null) {
      return new SenderTransactions(account); // registered only once something is stored
    }
    if (!reset(sender, pooled, account).isEmpty()) {
      dropIfEmpty(sender, pooled); // re-registered if the new transaction is stored
    }
    return pooled;
  }

  /**
   * Brings {@code sender}'s transactions up to {@code account} and returns those dropped; the
   * eviction index follows when its highest nonce or whether it waits behind a gap changed.
   */
  private List<Slot> reset(Address sender, SenderTransactions pooled, Account account) {
    boolean queued = pooled.hasQueued();
    List<Slot> stale = pooled.reset(account, context.blockGasLimit());
    stale.forEach(slot -> byHash.remove(slot.hash()));
    if (!stale.isEmpty() || pooled.hasQueued() != queued) {
      evictionIndex.update(sender, pooled);
    }
    return stale;
  }

  private void remove(Slot slot) {
    Address sender = slot.pooled().sender();
    SenderTransactions pooled = bySender.get(sender);
    pooled.remove(slot.pooled().tx().nonce());
    byHash.remove(slot.hash());
    evictionIndex.update(sender, pooled);
    dropIfEmpty(sender, pooled);
  }

  private void dropIfEmpty(Address sender, SenderTransactions pooled) {
    if (pooled.isEmpty()) {
      bySender.remove(sender);
    }
  }

  /**
   * Brings the pool up to the head state {@link PoolContext} now describes, after a block import or
   * a head change (a reorg included): per sender, drops nonces below the account nonce, and from
   * the first transaction that the balance no longer covers (cumulatively, in nonce order) or that
   * exceeds the block gas limit, drops it and every higher nonce. Pending and queued follow from
   * the new account nonce: a gap demotes, a closed gap promotes. Transactions whose fee cap is now
   * below the base fee stay (the base fee may fall again); selection skips them. Re-adding the
   * transactions of blocks a reorg abandoned is the caller's job, through {@link #add}.
   *
   * @return how many transactions were dropped
   */
  public int onNewHead() {
    synchronized (lock) {
      int dropped = 0;
      var senders = bySender.entrySet().iterator();
      while (senders.hasNext()) {
        Map.Entry<Address, SenderTransactions> entry = senders.next();
        dropped += reset(entry.getKey(), entry.getValue(), context.account(entry.getKey())).size();
        if (entry.getValue().isEmpty()) {
          senders.remove();
        }
      }
      return dropped;
    }
  }

  /**
   * Puts back the transactions of blocks a reorg abandoned ({@code encodedTransactions}, raw
   * EIP-2718 bytes, the oldest block's first), as geth's pool does on a reorg: the new head's state
   * no longer has them executed, and without them every later nonce of their senders would wait
   * behind a gap on every node that had imported the abandoned blocks. Call after {@link
   * #onNewHead}; those the new head executed too are refused as stale, and undecodable ones are
   * skipped. Returns how many were added.
   */
  public int readd(List<Bytes> encodedTransactions) {
    int added = 0;
    for (Bytes raw : encodedTransactions) {
      try {
        if (add(TransactionDecoder.decode(raw)).status() == AddResult.Status.ADDED) {
          added++;
        }
      } catch (TransactionDecodingException e) {
        // Not from a valid block: nothing to put back.
      }
    }
    return added;
  }

  /**
   * Executable transactions for a block with this base fee and gas limit, in an order that runs
   * without a nonce error (see {@link BlockSelector}). The pool keeps them until {@link #onNewHead}
   * sees them executed.
   */
  public List<PooledTransaction> selectForBlock(BigInteger baseFee, UInt64 gasLimit) {
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(gasLimit, "gasLimit");
    synchronized (lock) {
      return BlockSelector.select(bySender.values(), baseFee, gasLimit);
    }
  }

  /** Transactions with contiguous nonces from their sender's account nonce. */
  public int pendingCount() {
    synchronized (lock) {
      return bySender.values().stream().mapToInt(SenderTransactions::pendingCount).sum();
    }
  }

  /** Transactions behind a nonce gap. */
  public int queuedCount() {
    synchronized (lock) {
      return byHash.size() - pendingCount();
    }
  }

  /** All pooled transactions, pending and queued. */
  public int size() {
    synchronized (lock) {
      return byHash.size();
    }
  }

  public Optional<PooledTransaction> get(Bytes32 hash) {
    synchronized (lock) {
      return Optional.ofNullable(byHash.get(hash));
    }
  }

  public boolean contains(Bytes32 hash) {
    synchronized (lock) {
      return byHash.containsKey(hash);
    }
  }

  /**
   * The nonce the sender's next transaction should use: its account nonce in the head state plus
   * its pooled transactions with contiguous nonces from there ({@code eth_getTransactionCount} at
   * "pending").
   */
  public UInt64 nextNonce(Address address) {
    Objects.requireNonNull(address, "address");
    synchronized (lock) {
      UInt64 accountNonce = context.account(address).nonce();
      SenderTransactions pooled = bySender.get(address);
      return pooled == null ? accountNonce : accountNonce.plus(pooled.contiguousFrom(accountNonce));
    }
  }

  private static AddResult reject(PoolRejection reason) {
    return new AddResult.Rejected(reason);
  }

  private static AddResult reject(TxRejection reason) {
    return new AddResult.Rejected(new AddRejection.Invalid(reason));
  }
}
