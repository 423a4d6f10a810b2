package io.basalt.shard.store;

import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.execution.receipt.Receipt;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardBlockResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Where one shard chain keeps its blocks, the states after them, their receipts and the transaction
 * index: in memory ({@link InMemoryShardBlockStorage}, for simulations and tests) or in the node's
 * database ({@link ShardChainStore}). The chain serialises calls.
 *
 * <p>The genesis is the block {@link Bytes32#ZERO}: it has a state but no block, receipts or index
 * entries.
 */
public interface ShardBlockStorage {

  /**
   * Keeps an imported block with its outcome and the trie nodes its validation wrote: all of it or
   * (on failure, with an exception) none of it.
   */
  void put(SignedShardBlock block, ShardBlockResult result, Map<Bytes32, Bytes> trieNodes);

  Optional<SignedShardBlock> block(Bytes32 root);

  /** The state after a block; empty for unknown blocks and finalized blocks whose state went. */
  Optional<ShardState> state(Bytes32 root);

  /**
   * The full outcome of a block's validation, which includes what is not stored (decoded
   * transactions, outgoing messages): available for blocks imported by this process while they are
   * recent (a persistent store keeps a bounded cache); use {@link #receipts} otherwise.
   */
  Optional<ShardBlockResult> result(Bytes32 root);

  /** The senders of a kept block's transactions, in transaction order. */
  Optional<List<Address>> senders(Bytes32 root);

  /** The receipts of a kept block, in transaction order. */
  Optional<List<Receipt>> receipts(Bytes32 root);

  /**
   * Where a transaction was included. If several kept blocks include it (forks), the one imported
   * last; once finalized, the canonical one.
   */
  Optional<TransactionLocation> transactionLocation(Bytes32 txHash);

  /** Deletes off-chain blocks with their states, receipts and index entries, atomically. */
  void delete(List<SignedShardBlock> blocks);

  /**
   * Records a finalization, atomically: {@code newlyFinalized} (oldest first, ending with the new
   * finalized block) are indexed by slot and their transactions' locations rewritten; their states
   * are dropped except the last one's, and so is the state of {@code previousFinalized} (unless it
   * is the genesis); {@code pruned} (blocks that do not descend from the new finalized block) are
   * deleted as by {@link #delete}.
   */
  void finalize(
      Bytes32 previousFinalized,
      List<SignedShardBlock> newlyFinalized,
      List<SignedShardBlock> pruned);

  /**
   * Prunes, in the states held in memory, the outbox receipts to each destination {@code d} below
   * {@code delivered.get(d)} (see {@link
   * io.basalt.beacon.datastructures.shard.ShardOutbox#prunedBefore}): receipts the destination's
   * finalized state has taken in, which no block will prove again. States are unchanged as values
   * (same roots); states built on them later inherit the pruning.
   */
  void pruneOutboxes(List<Long> delivered);

  /** The latest finalized block ({@link Bytes32#ZERO}, the genesis, before any finalization). */
  Bytes32 finalizedRoot();

  /** Roots of finalized canonical blocks with {@code from <= slot < to}, by slot. */
  List<Bytes32> finalizedRoots(Slot fromInclusive, Slot toExclusive);
}
