package io.basalt.node.rpc.shard;

import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/** Finds a {@code CrossShard.transfer} by its source transaction and follows it to delivery. */
public interface CrossShardTransferData {

  /** Where a transfer is. */
  enum Status {
    /** Included at the source; no crosslink of the source shard covers its block yet. */
    PENDING_CROSSLINK,
    /** The head beacon state crosslinks it; the destination has not applied it yet. */
    CROSSLINKED,
    /** The destination's head applied it (its inbox cursor for the source passed the index). */
    DELIVERED
  }

  record ShardBlockRef(ShardId shard, Bytes32 blockRoot, Slot slot) {}

  record BeaconBlockRef(Bytes32 root, Slot slot) {}

  /**
   * @param receiptIndex the receipt's index among those from source to destination
   * @param crosslink the first beacon block (on the head's chain) whose state crosslinks the source
   *     block, when known
   * @param delivery the destination block that applied the receipt, when delivered and found
   */
  record Transfer(
      Bytes32 transactionHash,
      Status status,
      ShardBlockRef source,
      int transactionIndex,
      ShardId destination,
      Address sender,
      Address recipient,
      BigInteger value,
      long receiptIndex,
      Optional<BeaconBlockRef> crosslink,
      Optional<ShardBlockRef> delivery) {}

  /** A transaction that exists but sent no cross-shard transfer. */
  final class NotATransferException extends Exception {
    public NotATransferException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The transfer sent by transaction {@code txHash}; empty when no shard knows the transaction.
   *
   * @throws NotATransferException when the transaction is known but is not a successful {@code
   *     CrossShard.transfer}
   */
  Optional<Transfer> find(Bytes32 txHash) throws NotATransferException;
}
