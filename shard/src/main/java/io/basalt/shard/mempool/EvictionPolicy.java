package io.basalt.shard.mempool;

import io.basalt.common.types.Address;
import io.basalt.execution.transaction.Transaction;
import io.basalt.shard.mempool.SenderTransactions.Slot;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;

/**
 * Which pooled transaction makes room for a new one when the pool is full.
 *
 * <p>Only each sender's highest nonce may go, so eviction never leaves a sender's higher nonce
 * behind a gap it opened. Among those, the victim is the one with the lowest tip at the current
 * base fee (ties: the latest arrival, so older transactions keep their place), and the newcomer
 * must pay a strictly higher tip. The newcomer's own sender's highest nonce is not a candidate when
 * it is below the newcomer's nonce, as evicting it would queue the newcomer behind the gap.
 */
final class EvictionPolicy {

  private EvictionPolicy() {}

  /** The transaction to evict for {@code incoming} from {@code sender}, or empty: pool is full. */
  static Optional<Slot> victim(
      Map<Address, SenderTransactions> bySender,
      Address sender,
      Transaction incoming,
      BigInteger baseFee) {
    Slot cheapest = null;
    BigInteger cheapestTip = null;
    for (Map.Entry<Address, SenderTransactions> entry : bySender.entrySet()) {
      Slot last = entry.getValue().last();
      if (entry.getKey().equals(sender)
          && last.pooled().tx().nonce().isLessThan(incoming.nonce())) {
        continue;
      }
      BigInteger tip = PoolPricing.tipAt(last.pooled().tx(), baseFee);
      if (cheapest == null
          || tip.compareTo(cheapestTip) < 0
          || (tip.equals(cheapestTip) && last.pooled().arrival() > cheapest.pooled().arrival())) {
        cheapest = last;
        cheapestTip = tip;
      }
    }
    if (cheapest == null || PoolPricing.tipAt(incoming, baseFee).compareTo(cheapestTip) <= 0) {
      return Optional.empty();
    }
    return Optional.of(cheapest);
  }
}
