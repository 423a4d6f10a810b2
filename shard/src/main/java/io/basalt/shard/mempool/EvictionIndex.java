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
 * behind a gap it opened. Among those, the victim is the one with the lowest tip at the current
 * base fee (ties: the latest arrival, so older transactions keep their place), and the newcomer
 * must pay a strictly higher tip. The newcomer's own sender's highest nonce is not a candidate when
 * it is below the newcomer's nonce, as evicting it would queue the newcomer behind the gap.
 *
 * <p>Tips depend on the base fee, so the index is rebuilt when the base fee it was built at is not
 * the one asked about (once per head). Not thread-safe; {@link ShardMempool} holds its lock.
 */
final class EvictionIndex {

  private record Candidate(Address sender, Slot slot, BigInteger tip) {
    long arrival() {
      return slot.pooled().arrival();
    }
  }

  private static final Comparator<Candidate> CHEAPEST_FIRST =
      Comparator.comparing(Candidate::tip)
          .thenComparing(Comparator.comparingLong(Candidate::arrival).reversed());

  private final TreeSet<Candidate> order = new TreeSet<>(CHEAPEST_FIRST);
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
          new Candidate(sender, last, PoolPricing.tipAt(last.pooled().tx(), baseFee));
      bySender.put(sender, candidate);
      order.add(candidate);
    }
  }

  /** The transaction to evict for {@code incoming} from {@code sender}, or empty: pool is full. */
  Optional<Slot> victim(
      Address sender,
      Transaction incoming,
      BigInteger currentBaseFee,
      Map<Address, SenderTransactions> senders) {
    if (!currentBaseFee.equals(baseFee)) {
      rebuild(currentBaseFee, senders);
    }
    Iterator<Candidate> cheapest = order.iterator();
    while (cheapest.hasNext()) {
      Candidate candidate = cheapest.next();
      boolean wouldOpenGap =
          candidate.sender().equals(sender)
              && candidate.slot().pooled().tx().nonce().isLessThan(incoming.nonce());
      if (!wouldOpenGap) {
        return PoolPricing.tipAt(incoming, baseFee).compareTo(candidate.tip()) > 0
            ? Optional.of(candidate.slot())
            : Optional.empty();
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
