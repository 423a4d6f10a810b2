package io.basalt.shard.transition;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.execution.processor.BlockExecution;
import io.basalt.execution.processor.BlockExecutor;
import io.basalt.execution.processor.RecoveredTransaction;
import io.basalt.execution.processor.TransactionOutcome;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.NodeStore;
import io.basalt.shard.datastructures.IncomingReceipt;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Builds the next block of a shard: the withdrawals due, every receipt other shards' crosslinks
 * make available (oldest first, up to {@code MAX_INCOMING_RECEIPTS}), then the candidate
 * transactions in the order given, skipping any the state refuses, until the gas runs out. It runs
 * the same steps validation runs, so the block it returns is valid once signed.
 */
public final class ShardBlockProducer {

  /** Below this much gas left no transaction fits (a plain transfer costs 21,000). */
  private static final UInt64 MIN_TRANSACTION_GAS = UInt64.valueOf(21_000);

  private final ShardSchemas schemas;
  private final ShardBlockBodyProcessor bodies;
  private final BlockExecutor executor;

  public ShardBlockProducer(ShardBlockBodyProcessor bodies, BlockExecutor executor) {
    this.schemas = bodies.schemas();
    this.bodies = bodies;
    this.executor = executor;
  }

  /**
   * @param anchor the state of {@code beaconBlockRoot} advanced to {@code slot}
   * @param candidates transactions with recovered senders, best first (e.g. from the mempool)
   * @param beacon the beacon chain, for the checkpoint states the Settlement contract's view reads
   *     ({@link BeaconSettlementView}); the same view validators use
   */
  public ProducedShardBlock produce(
      ShardState parent,
      Slot slot,
      ValidatorIndex proposer,
      Bytes32 beaconBlockRoot,
      BeaconState anchor,
      Address feeRecipient,
      List<RecoveredTransaction> candidates,
      OutboxSource outboxes,
      NodeStore store,
      BeaconView beacon)
      throws ShardBlockException {
    WorldState world = WorldState.open(parent.accountsRoot(), store);
    BlockContext context =
        new BlockContext(
            slot,
            beaconBlockRoot,
            anchor,
            parent.nextBaseFee(),
            feeRecipient,
            BeaconSettlementView.of(schemas.config(), beacon, anchor, parent.shard(), slot));

    List<PendingWithdrawal> withdrawals = bodies.expectedWithdrawals(parent, anchor);
    bodies.payWithdrawals(world, withdrawals);
    List<IncomingReceipt> receipts = availableReceipts(parent, anchor, outboxes);
    List<UInt64> cursors = bodies.applyIncoming(parent, anchor, receipts, world);

    BlockExecution execution = executor.start(world, bodies.env(parent, context));
    List<RecoveredTransaction> included = new ArrayList<>();
    for (RecoveredTransaction candidate : candidates) {
      if (execution.gasLeft().isLessThan(MIN_TRANSACTION_GAS)) {
        break;
      }
      if (execution.tryApply(candidate) instanceof TransactionOutcome) {
        included.add(candidate);
      }
    }
    ProcessedBody processed =
        bodies.finish(parent, world, cursors, withdrawals.size(), execution.result(), included);
    List<Bytes> encoded = included.stream().map(t -> t.tx().encode()).toList();
    ShardBlockBody body = new ShardBlockBody(encoded, receipts, withdrawals);
    ShardBlockHeader header =
        new ShardBlockHeader(
            parent.shard(),
            slot,
            proposer,
            parent.blockRoot(),
            beaconBlockRoot,
            processed.accountsRoot(),
            schemas.transactionsRoot(encoded),
            processed.outbox().root(schemas.outbox()),
            schemas.incomingReceiptsRoot(body),
            processed.execution().gasUsed(),
            schemas.config().shardGasLimit(),
            parent.nextBaseFee(),
            feeRecipient);
    ShardState post = ShardStateTransition.postState(header, processed);
    return new ProducedShardBlock(
        new ShardBlock(header, body), new ShardBlockResult(post, processed));
  }

  /** Every receipt for this shard under the other shards' crosslinks, sources in order. */
  private List<IncomingReceipt> availableReceipts(
      ShardState parent, BeaconState anchor, OutboxSource outboxes) {
    List<IncomingReceipt> receipts = new ArrayList<>();
    int room = schemas.config().maxIncomingReceipts();
    for (int source = 0; source < schemas.config().shardCount() && room > 0; source++) {
      if (source == parent.shard().id()) {
        continue;
      }
      Crosslink crosslink = anchor.latestCrosslinks().get(source);
      Optional<ShardOutbox> outbox =
          crosslink.shardBlockRoot().isZero()
              ? Optional.empty()
              : outboxes.outboxAfter(ShardId.of(source), crosslink.shardBlockRoot());
      if (outbox.isEmpty()) {
        continue;
      }
      long next = parent.inboxCursor(ShardId.of(source)).longValue();
      long available = outbox.get().countTo(parent.shard()).longValue();
      for (long index = next; index < available && room > 0; index++, room--) {
        CrossShardReceipt receipt = outbox.get().toShards().get(parent.shard().id()).get(index);
        receipts.add(
            new IncomingReceipt(
                receipt, outbox.get().proveReceipt(schemas.outbox(), parent.shard(), index)));
      }
    }
    return receipts;
  }
}
