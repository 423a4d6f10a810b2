package io.basalt.node.rpc.settle;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.contracts.StorageOverlay;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.SettlementStore;
import io.basalt.execution.state.WorldState;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcBlock;
import io.basalt.node.rpc.eth.RpcLog;
import io.basalt.node.rpc.eth.ShardRpcData;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.state.ShardState;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@link SettlementRpcData} over a running node. The head, its state and the beacon checkpoints are
 * taken on the chain thread in one step, so records and view agree; the contract's storage is then
 * read from the (immutable) state trie off the chain thread. Blocks and logs come through the
 * Ethereum methods' {@link ShardRpcData}, so block numbers and canonicality mean the same.
 */
public final class NodeSettlementRpcData implements SettlementRpcData {

  private final NodeChain<?> chain;
  private final List<ShardState> genesis;
  private final ShardRpcData blocks;

  /**
   * @param genesis each shard's genesis state, in shard order (the state before its first block)
   * @param blocks the shard blocks and logs, as the {@code eth_*} methods see them
   */
  public NodeSettlementRpcData(NodeChain<?> chain, List<ShardState> genesis, ShardRpcData blocks) {
    this.chain = chain;
    this.genesis = List.copyOf(genesis);
    this.blocks = blocks;
  }

  private record HeadFacts(ShardState state, SettlementView view) {}

  @Override
  public Head head(ShardId shard) throws RpcException {
    if (shard.id() >= genesis.size()) {
      throw RpcException.invalidParams("shard " + shard.id() + " does not exist");
    }
    ShardChain shardChain = chain.shards().chain(shard);
    HeadFacts facts =
        chain
            .executor()
            .call(
                () -> {
                  Bytes32 root = chain.shards().headRoot(shard);
                  ShardState state =
                      root.isZero()
                          ? genesis.get(shard.id())
                          : shardChain.stateAfter(root).orElse(null);
                  if (state == null) {
                    return null;
                  }
                  return new HeadFacts(state, chain.settlementView(shard, state.slot()));
                });
    if (facts == null) {
      throw RpcException.server("missing trie node: the head state of shard " + shard.id());
    }
    WorldState world = WorldState.open(facts.state().accountsRoot(), shardChain.nodeStore());
    SettlementStore store =
        new SettlementStore(new StorageOverlay(world, SystemContracts.SETTLEMENT));
    return new Head(shard, store, facts.view(), blocks.blockNumber(shard));
  }

  /**
   * Binary search over canonical block numbers: slots increase with the number along a chain, so
   * the block at {@code slot} is found in about log2(height) block reads.
   */
  @Override
  public Optional<BlockRef> blockAtSlot(ShardId shard, Slot slot) throws RpcException {
    long low = 1;
    long high = blocks.blockNumber(shard);
    while (low <= high) {
      long mid = (low + high) >>> 1;
      Optional<RpcBlock> block = blocks.block(shard, new BlockParameter.Number(mid));
      if (block.isEmpty()) {
        high = mid - 1; // the head moved back (a reorg) under us
        continue;
      }
      int order = block.get().slot().compareTo(slot);
      if (order == 0) {
        RpcBlock b = block.get();
        return Optional.of(new BlockRef(b.number(), b.hash(), b.slot()));
      }
      if (order < 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<RpcLog> logs(ShardId shard, long from, long to, LogFilter filter, int maxResults)
      throws RpcException {
    return blocks.logs(shard, from, to, filter, maxResults);
  }

  @Override
  public AutoCloseable subscribe(ChainEvents listener) {
    return blocks.subscribe(listener);
  }
}
