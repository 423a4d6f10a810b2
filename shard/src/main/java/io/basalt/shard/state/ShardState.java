package io.basalt.shard.state;

import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A shard after one of its blocks (or at genesis): the account trie's root (its nodes live in the
 * node store the chain shares between blocks), the outbox of every receipt sent so far, how far the
 * shard has applied each source's receipts and the beacon chain's withdrawals, and what the next
 * block must repeat (the base fee, the beacon block this one built on). Immutable; a block makes a
 * new one.
 *
 * @param blockRoot the root of the block this state follows; {@link Bytes32#ZERO} for genesis, as
 *     in the beacon chain's genesis crosslink
 * @param beaconBlockRoot the beacon block the block built on (genesis: the beacon genesis block)
 * @param nextBaseFee the base fee per gas the next block must use (EIP-1559)
 * @param inboxCursors per source shard, the index of the next receipt to apply from it
 * @param withdrawalCursor the index of the next beacon withdrawal to pay (withdrawal shard only)
 */
public record ShardState(
    ShardId shard,
    Slot slot,
    Bytes32 blockRoot,
    Bytes32 beaconBlockRoot,
    Bytes32 accountsRoot,
    BigInteger nextBaseFee,
    ShardOutbox outbox,
    List<UInt64> inboxCursors,
    UInt64 withdrawalCursor) {

  public ShardState {
    Objects.requireNonNull(shard, "shard");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(blockRoot, "blockRoot");
    Objects.requireNonNull(beaconBlockRoot, "beaconBlockRoot");
    Objects.requireNonNull(accountsRoot, "accountsRoot");
    Objects.requireNonNull(nextBaseFee, "nextBaseFee");
    Objects.requireNonNull(outbox, "outbox");
    inboxCursors = List.copyOf(inboxCursors);
    Objects.requireNonNull(withdrawalCursor, "withdrawalCursor");
  }

  /** The index of the next receipt this shard expects from {@code source}. */
  /** This state with {@code newOutbox} in place of its outbox. */
  public ShardState withOutbox(ShardOutbox newOutbox) {
    return new ShardState(
        shard,
        slot,
        blockRoot,
        beaconBlockRoot,
        accountsRoot,
        nextBaseFee,
        newOutbox,
        inboxCursors,
        withdrawalCursor);
  }

  public UInt64 inboxCursor(ShardId source) {
    return inboxCursors.get(source.id());
  }
}
