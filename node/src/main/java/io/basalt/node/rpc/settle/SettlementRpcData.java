package io.basalt.node.rpc.settle;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcLog;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the {@code settle_*} methods read of a shard; their only way to the chain. Implementations
 * are thread-safe. Records come from the Settlement contract's storage in the canonical head's
 * state; statuses are derived from them with a {@link SettlementView}, as the contract itself does.
 */
public interface SettlementRpcData {

  /**
   * The Settlement contract as of a shard's canonical head, and the Layer-1 facts to derive
   * statuses with: the head block's slot and the justified / finalized crosslinks of the beacon
   * head's checkpoints (what the next block on the head would see).
   *
   * @param store the contract's records in the head block's state (read-only)
   * @param headNumber the head block's number
   */
  record Head(ShardId shard, SettlementStore store, SettlementView view, long headNumber) {}

  /** A canonical shard block: number, hash (root) and slot. */
  record BlockRef(long number, Bytes32 hash, Slot slot) {}

  /** The Settlement records and Layer-1 view at {@code shard}'s canonical head. */
  Head head(ShardId shard) throws RpcException;

  /** The canonical block of {@code shard} at {@code slot}; empty if that slot has none. */
  Optional<BlockRef> blockAtSlot(ShardId shard, Slot slot) throws RpcException;

  /** The logs of canonical blocks {@code from..to} (inclusive) that {@code filter} matches. */
  List<RpcLog> logs(ShardId shard, long from, long to, LogFilter filter, int maxResults)
      throws RpcException;

  /** Listens to chain events until the result is closed (called on the chain thread). */
  AutoCloseable subscribe(ChainEvents listener);
}
