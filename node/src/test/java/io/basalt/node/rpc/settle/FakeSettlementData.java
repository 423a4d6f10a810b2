package io.basalt.node.rpc.settle;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.ContractStorage;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.settlement.RollupRecord;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Settlement records in memory and a settable Layer-1 view; block {@code n} is at slot {@code n}.
 * Tests write records with {@link #store}, move the view, and fire chain events.
 */
final class FakeSettlementData implements SettlementRpcData {

  static final long PERIOD = 16;

  final ContractStorage storage = ContractStorage.empty();
  final SettlementStore store = new SettlementStore(storage);
  final List<ChainEvents> listeners = new CopyOnWriteArrayList<>();
  volatile SettlementView view = SettlementView.NONE;

  @Override
  public Head head(ShardId shard) {
    return new Head(shard, store, view, view.slot().value().longValue());
  }

  @Override
  public Optional<BlockRef> blockAtSlot(ShardId shard, Slot slot) {
    return Optional.of(
        new BlockRef(
            slot.value().longValue(),
            Bytes32.leftPad(org.apache.tuweni.bytes.Bytes.ofUnsignedLong(slot.value().longValue())),
            slot));
  }

  @Override
  public List<RpcLog> logs(ShardId shard, long from, long to, LogFilter filter, int maxResults) {
    return List.of();
  }

  @Override
  public AutoCloseable subscribe(ChainEvents listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  void fireHead() {
    listeners.forEach(l -> l.onShardHead(ShardId.of(0), Bytes32.ZERO));
  }

  /** Sets the view: head slot, justified and finalized shard slots (negative: none). */
  void view(long slot, long justified, long finalized) {
    view =
        SettlementView.of(
            7612900,
            Slot.of(slot),
            justified < 0 ? Optional.empty() : Optional.of(Slot.of(justified)),
            finalized < 0 ? Optional.empty() : Optional.of(Slot.of(finalized)));
  }

  /** Registers rollup {@code id} (ids from 0) with no batches. */
  void rollup(long id) {
    store.setRollupCount(Math.max(store.rollupCount(), id + 1));
    store.putRollup(id, rollupRecord(0, 0, BigInteger.TEN.pow(18), false));
  }

  static RollupRecord rollupRecord(
      long batches, long lastGoodPlus1, BigInteger escrow, boolean frozen) {
    return new RollupRecord(
        PERIOD, 6, 0, 0, 0, 0, batches, lastGoodPlus1, BigInteger.TWO, escrow, 0, frozen);
  }

  /** Commits the next batch of {@code rollupId} at {@code slot}; returns its index. */
  long commit(long rollupId, long slot) {
    RollupRecord r = store.rollup(rollupId).orElseThrow();
    long index = r.batchCount();
    BatchHeader header =
        new BatchHeader(
            Bytes32.ZERO,
            index + 1,
            index + 1,
            Bytes32.repeat((byte) 1),
            Bytes32.repeat((byte) 2),
            Bytes32.repeat((byte) (3 + slot)));
    store.putBatch(
        rollupId,
        index,
        new BatchRecord(header.batchHash(rollupId, index), header, Slot.of(slot), false));
    store.putRollup(rollupId, r.withBatches(index + 1, index + 1));
    return index;
  }

  /** Drops the newest batch of {@code rollupId}, as a reorg that loses its commit. */
  void dropLast(long rollupId) {
    RollupRecord r = store.rollup(rollupId).orElseThrow();
    store.putRollup(rollupId, r.withBatches(r.batchCount() - 1, r.batchCount() - 1));
  }

  /** Reverts batches {@code from} onwards, as a veto does. */
  void revertFrom(long rollupId, long from) {
    RollupRecord r = store.rollup(rollupId).orElseThrow();
    for (long i = from; i < r.batchCount(); i++) {
      store.markReverted(rollupId, i);
    }
    store.putRollup(rollupId, r.withBatches(r.batchCount(), from));
  }
}
