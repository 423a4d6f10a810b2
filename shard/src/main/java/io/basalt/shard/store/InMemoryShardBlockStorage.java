package io.basalt.shard.store;

import io.basalt.common.types.Address;
import io.basalt.common.types.Slot;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.receipt.Receipt;
import io.basalt.shard.datastructures.SignedShardBlock;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardBlockResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A shard chain's blocks, states and results in memory maps: the simulator's and tests' storage.
 * Trie nodes are not its concern: an in-memory chain's validation writes them straight to the node
 * store. Not thread-safe (the chain serialises calls).
 */
public final class InMemoryShardBlockStorage implements ShardBlockStorage {

  private final Map<Bytes32, ShardState> states = new HashMap<>();
  private final Map<Bytes32, SignedShardBlock> blocks = new HashMap<>();
  private final Map<Bytes32, ShardBlockResult> results = new HashMap<>();
  private final Map<Bytes32, TransactionLocation> locations = new HashMap<>();
  private final TreeMap<Slot, Bytes32> finalizedBySlot = new TreeMap<>();
  private Bytes32 finalized = Bytes32.ZERO;

  public InMemoryShardBlockStorage(ShardState genesis) {
    states.put(Bytes32.ZERO, genesis);
  }

  @Override
  public void put(SignedShardBlock block, ShardBlockResult result, Map<Bytes32, Bytes> trieNodes) {
    Bytes32 root = block.root();
    states.put(root, result.state());
    blocks.put(root, block);
    results.put(root, result);
    indexTransactions(block);
  }

  @Override
  public Optional<SignedShardBlock> block(Bytes32 root) {
    return Optional.ofNullable(blocks.get(root));
  }

  @Override
  public Optional<ShardState> state(Bytes32 root) {
    return Optional.ofNullable(states.get(root));
  }

  @Override
  public Optional<ShardBlockResult> result(Bytes32 root) {
    return Optional.ofNullable(results.get(root));
  }

  @Override
  public Optional<List<Address>> senders(Bytes32 root) {
    return result(root)
        .map(r -> r.body().transactions().stream().map(RecoveredTransaction::sender).toList());
  }

  @Override
  public Optional<List<Receipt>> receipts(Bytes32 root) {
    return result(root).map(r -> r.body().execution().receipts());
  }

  @Override
  public Optional<TransactionLocation> transactionLocation(Bytes32 txHash) {
    return Optional.ofNullable(locations.get(txHash));
  }

  @Override
  public void delete(List<SignedShardBlock> deleted) {
    for (SignedShardBlock block : deleted) {
      Bytes32 root = block.root();
      states.remove(root);
      blocks.remove(root);
      results.remove(root);
      for (Bytes32 hash : BlockTransactions.hashes(block)) {
        locations.computeIfPresent(hash, (h, at) -> at.blockRoot().equals(root) ? null : at);
      }
    }
  }

  @Override
  public void pruneOutboxes(List<Long> delivered) {
    states.replaceAll((root, state) -> state.withOutbox(state.outbox().prunedBefore(delivered)));
  }

  @Override
  public void finalize(
      Bytes32 previousFinalized,
      List<SignedShardBlock> newlyFinalized,
      List<SignedShardBlock> pruned) {
    delete(pruned);
    if (!previousFinalized.isZero()) {
      states.remove(previousFinalized);
    }
    for (int i = 0; i < newlyFinalized.size(); i++) {
      SignedShardBlock block = newlyFinalized.get(i);
      finalizedBySlot.put(block.message().header().slot(), block.root());
      indexTransactions(block);
      if (i < newlyFinalized.size() - 1) {
        states.remove(block.root());
      }
    }
    finalized = newlyFinalized.getLast().root();
  }

  @Override
  public Bytes32 finalizedRoot() {
    return finalized;
  }

  @Override
  public List<Bytes32> finalizedRoots(Slot fromInclusive, Slot toExclusive) {
    if (!fromInclusive.isBefore(toExclusive)) {
      return List.of();
    }
    return List.copyOf(finalizedBySlot.subMap(fromInclusive, toExclusive).values());
  }

  private void indexTransactions(SignedShardBlock block) {
    List<Bytes32> hashes = BlockTransactions.hashes(block);
    for (int i = 0; i < hashes.size(); i++) {
      locations.put(
          hashes.get(i),
          new TransactionLocation(block.message().header().shard(), block.root(), i));
    }
  }
}
