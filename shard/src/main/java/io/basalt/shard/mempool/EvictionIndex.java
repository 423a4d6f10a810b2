package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.execution.transaction.Transaction;
import io.basalt.shard.mempool.SenderTransactions.Slot;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which pooled transaction makes room for a new one when the pool is full, kept as an ordered index
 * so a full pool answers in O(log n) rather than scanning every sender.
 *
 * <p>Only each sender's highest nonce may go, so eviction never leaves a sender's higher nonce
 * behind a gap it opened. Transactions waiting behind a nonce gap (queued) go first, and an
 * executable newcomer (the next nonce of its sender's pending run) may always take a queued one's
 * place, as geth's pool does: otherwise a pool full of queued transactions would refuse the very
 * transactions that close their gaps, and blocks would stay empty. Else the victim is the one with
 * the lowest tip at the current base fee (ties: the latest arrival, so older transactions keep
 * their place), and the newcomer must pay a strictly higher tip. The newcomer's own sender's
 * highest nonce is not a candidate when it is below the newcomer's nonce, as evicting it would
 * queue the newcomer behind the gap.
 *
 * <p>Tips depend on the base fee, so the index is rebuilt when the base fee it was built at is not
 * the one asked about (once per head). Not thread-safe; {@link ShardMempool} holds its lock.
 */
final class EvictionIndex {

  private record Candidate(Address sender, Slot slot, BigInteger tip, boolean queued) {
    long arrival() {
      return slot.pooled().arrival();
    }
  }

  /** Queued before pending, then the lowest tip, then the latest arrival. */
  private static final Comparator<Candidate> FIRST_TO_GO =
      Comparator.comparing((Candidate candidate) -> !candidate.queued())
          .thenComparing(Candidate::tip)
          .thenComparing(Comparator.comparingLong(Candidate::arrival).reversed());

  private final TreeSet<Candidate> order = new TreeSet<>(FIRST_TO_GO);
  private final Map<Address, Candidate> bySender = new HashMap<>();
  private BigInteger baseFee = BigInteger.ZERO;

  /** Records {@code sender}'s current highest nonce after any change to its transactions. */
  void update(Address sender, SenderTransactions transactions) {
    Candidate old = bySender.remove(sender);
    if (old != null) {
      order.remove(old);
    }
    if (!transactions.isEmpty()) {
      Slot last = transactions.last();
      Candidate candidate =
          new Candidate(
              sender,
              last,
              PoolPricing.tipAt(last.pooled().tx(), baseFee),
              transactions.hasQueued());
      bySender.put(sender, candidate);
      order.add(candidate);
    }
  }

  /**
   * The transaction to evict for {@code incoming} from {@code sender}, or empty: pool is full.
   *
   * @param executable whether {@code incoming} extends its sender's pending run
   */
  Optional<Slot> victim(
      Address sender,
      Transaction incoming,
      boolean executable,
      BigInteger currentBaseFee,
      Map<Address, SenderTransactions> senders) {
    if (!currentBaseFee.equals(baseFee)) {
      rebuild(currentBaseFee, senders);
    }
    Iterator<Candidate> firstToGo = order.iterator();
    while (firstToGo.hasNext()) {
      Candidate candidate = firstToGo.next();
      boolean wouldOpenGap =
          candidate.sender().equals(sender)
              && candidate.slot().pooled().tx().nonce().isLessThan(incoming.nonce());
      if (!wouldOpenGap) {
        boolean outranks =
            (executable && candidate.queued())
                || PoolPricing.tipAt(incoming, baseFee).compareTo(candidate.tip()) > 0;
        return outranks ? Optional.of(candidate.slot()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void rebuild(BigInteger newBaseFee, Map<Address, SenderTransactions> senders) {
    baseFee = newBaseFee;
    order.clear();
    bySender.clear();
    senders.forEach(this::update);
  }
}
