package io.basalt.node.rpc.eth.data;

import io.basalt.beacon.state.BeaconState;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.CallResult;
import io.basalt.execution.contracts.SettlementView;
import io.basalt.execution.contracts.SystemCalls;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.AccountProof;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.transaction.IntrinsicGas;
import io.basalt.execution.transaction.SenderRecovery;
import io.basalt.execution.transaction.SenderResult;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionDecoder;
import io.basalt.execution.transaction.TransactionDecodingException;
import io.basalt.node.beacon.BeaconService;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.eth.CallRequest;
import io.basalt.node.rpc.eth.LogFilter;
import io.basalt.node.rpc.eth.RpcBlock;
import io.basalt.node.rpc.eth.RpcLog;
import io.basalt.node.rpc.eth.RpcReceipt;
import io.basalt.node.rpc.eth.RpcTransaction;
import io.basalt.node.rpc.eth.ShardRpcData;
import io.basalt.node.rpc.eth.SyncState;
import io.basalt.shard.chain.ShardChain;
import io.basalt.shard.mempool.AddResult;
import io.basalt.shard.mempool.PooledTransaction;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.store.TransactionLocation;
import io.basalt.shard.transition.BeaconDepositSignatureCheck;
import io.basalt.shard.transition.ShardBlockBodyProcessor;
import io.basalt.shard.transition.ShardProtocol;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@link ShardRpcData} over a running node's chains. Fork choice answers (heads, justified and
 * finalized crosslinks, the pool) are asked on the chain thread; stored blocks, receipts and state
 * tries are read directly (the shard chains and the node store are thread-safe).
 */
public final class NodeShardRpcData implements ShardRpcData {

  private final NodeChain<?> chain;
  private final SystemContracts contracts;
  private final BiConsumer<ShardId, Bytes> gossip;
  private final IntSupplier peerCount;
  private final BooleanSupplier syncing;
  private final String clientVersion;
  private final List<CanonicalIndex> indexes = new ArrayList<>();
  private final List<BlockAssembler> assemblers = new ArrayList<>();

  /**
   * @param genesisStates each shard's genesis state, in shard order
   * @param gossip publishes an accepted raw transaction to the shard's peers
   */
  public NodeShardRpcData(
      NodeChain<?> chain,
      ShardProtocol protocol,
      List<ShardState> genesisStates,
      BiConsumer<ShardId, Bytes> gossip,
      IntSupplier peerCount,
      BooleanSupplier syncing,
      String clientVersion) {
    this.chain = chain;
    this.contracts =
        new SystemContracts(
            new BeaconDepositSignatureCheck(protocol.signatureSets()),
            protocol.config().minDepositAmount().value().longValue());
    this.gossip = gossip;
    this.peerCount = peerCount;
    this.syncing = syncing;
    this.clientVersion = clientVersion;
    long genesisTime = chain.beacon().store().genesisTime().longValue();
    for (ShardState genesis : genesisStates) {
      ShardChain shardChain = chain.shards().chain(genesis.shard());
      indexes.add(new CanonicalIndex(shardChain));
      assemblers.add(
          new BlockAssembler(
              shardChain,
              protocol.schemas(),
              genesis,
              genesisTime,
              chain.config().secondsPerSlot().longValue(),
              chain.config().shardGasLimit().longValue()));
    }
  }

  @Override
  public int shardCount() {
    return indexes.size();
  }

  @Override
  public long chainId(ShardId shard) {
    return chain.config().chainId(shard).longValue();
  }

  @Override
  public String clientVersion() {
    return clientVersion;
  }

  @Override
  public int peerCount() {
    return peerCount.getAsInt();
  }

  @Override
  public SyncState syncState(ShardId shard) {
    long current = blockNumber(shard);
    return new SyncState(syncing.getAsBoolean(), 0, current, current);
  }

  @Override
  public long blockNumber(ShardId shard) {
    return index(shard).height(head(shard)).orElse(0L);
  }

  @Override
  public Optional<RpcBlock> block(ShardId shard, BlockParameter block) throws RpcException {
    Optional<Bytes32> root = resolve(shard, block);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    Optional<Long> number = index(shard).height(root.get());
    return number.isEmpty()
        ? Optional.empty()
        : assemblers.get(shard.id()).block(root.get(), number.get());
  }

  @Override
  public Account account(ShardId shard, Address address, BlockParameter block) throws RpcException {
    return world(shard, block).getOrEmpty(address);
  }

  @Override
  public Bytes32 storageAt(ShardId shard, Address address, Bytes32 slot, BlockParameter block)
      throws RpcException {
    return world(shard, block).getStorage(address, slot);
  }

  @Override
  public AccountProof proof(
      ShardId shard, Address address, List<Bytes32> keys, BlockParameter block)
      throws RpcException {
    return world(shard, block).proof(address, keys);
  }

  @Override
  public CallResult call(ShardId shard, CallRequest call, BlockParameter block)
      throws RpcException {
    ShardState state = state(shard, block);
    WorldState world =
        WorldState.open(state.accountsRoot(), chain.shards().chain(shard).nodeStore());
    Address to =
        call.to().orElseThrow(() -> RpcException.server("contract creation not supported"));
    // The Settlement contract's views (a batch's status) read the beacon chain's checkpoints.
    SettlementView settlement =
        chain.executor().call(() -> chain.settlementView(shard, state.slot()));
    return new SystemCalls(contracts, shard.id(), shardCount())
        .call(
            call.from().orElse(Address.ZERO),
            to,
            call.data(),
            call.value(),
            ShardBlockBodyProcessor.messaging(state),
            settlement,
            world);
  }

  @Override
  public long estimateGas(ShardId shard, CallRequest call, BlockParameter block)
      throws RpcException {
    CallResult result = call(shard, call, block);
    if (!result.success()) {
      throw reverted(result);
    }
    long gas = IntrinsicGas.TX_GAS;
    for (byte b : call.data().toArrayUnsafe()) {
      gas += b == 0 ? IntrinsicGas.ZERO_BYTE_GAS : IntrinsicGas.NON_ZERO_BYTE_GAS;
    }
    Address to = call.to().orElseThrow();
    long execution =
        contracts.at(to).map(contract -> contract.executionGas(call.data())).orElse(0L);
    long total = gas + execution;
    long cap = call.gas().orElse(chain.config().shardGasLimit().longValue());
    if (total > cap) {
      throw RpcException.server("gas required exceeds allowance (" + cap + ")");
    }
    return total;
  }

  /** The JSON-RPC error of a reverted call: code 3, geth's message, the revert data. */
  public static RpcException reverted(CallResult result) {
    String reason = result.revertReason().orElse("");
    return new RpcException(
        RpcException.EXECUTION_REVERTED,
        reason.isEmpty() ? "execution reverted" : "execution reverted: " + reason,
        result.data().toHexString());
  }

  @Override
  public Bytes32 sendRawTransaction(ShardId shard, Bytes raw) throws RpcException {
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(raw);
    } catch (TransactionDecodingException e) {
      throw RpcException.server(e.getMessage());
    }
    long want = chainId(shard);
    if (tx.chainId().isEmpty()) {
      throw RpcException.server("only replay-protected (EIP-155) transactions allowed over RPC");
    }
    if (!tx.chainId().get().equals(BigInteger.valueOf(want))) {
      throw RpcException.server(
          "invalid chain id for signer: have " + tx.chainId().get() + " want " + want);
    }
    SenderResult sender = SenderRecovery.recover(tx); // here, not on the chain thread
    AddResult result =
        chain.executor().call(() -> chain.shards().addTransaction(shard, tx, sender));
    if (result instanceof AddResult.Rejected rejected) {
      throw RpcException.server(rejected.message());
    }
    gossip.accept(shard, tx.encode());
    return tx.hash();
  }

  @Override
  public Optional<RpcTransaction> transaction(ShardId shard, Bytes32 hash) throws RpcException {
    Optional<RpcTransaction> included = included(shard, hash);
    if (included.isPresent()) {
      return included;
    }
    Optional<PooledTransaction> pooled =
        chain.executor().call(() -> chain.shards().mempool(shard).get(hash));
    return pooled.map(p -> new RpcTransaction(p.tx(), p.sender(), Optional.empty()));
  }

  @Override
  public Optional<RpcTransaction> transactionAt(ShardId shard, BlockParameter block, int index)
      throws RpcException {
    return block(shard, block)
        .filter(b -> index >= 0 && index < b.transactions().size())
        .map(b -> b.transactions().get(index));
  }

  @Override
  public Optional<RpcReceipt> receipt(ShardId shard, Bytes32 hash) throws RpcException {
    Optional<RpcBlock> block = includingBlock(shard, hash);
    if (block.isEmpty()) {
      return Optional.empty();
    }
    int index = location(shard, hash).orElseThrow().index();
    return assemblers.get(shard.id()).receipt(block.get(), index);
  }

  @Override
  public List<RpcLog> logs(ShardId shard, long from, long to, LogFilter filter, int maxResults)
      throws RpcException {
    Bytes32 head = head(shard);
    List<RpcLog> logs = new ArrayList<>();
    for (long number = from; number <= to; number++) {
      Optional<Bytes32> root = index(shard).rootAt(head, number);
      if (root.isEmpty()) {
        break;
      }
      if (!assemblers.get(shard.id()).logs(root.get(), number, filter, logs, maxResults)) {
        throw tooManyLogs(maxResults);
      }
    }
    return logs;
  }

  @Override
  public Optional<List<RpcLog>> logs(
      ShardId shard, Bytes32 blockHash, LogFilter filter, int maxResults) throws RpcException {
    Optional<Long> number = index(shard).height(blockHash);
    if (number.isEmpty()) {
      return Optional.empty();
    }
    List<RpcLog> logs = new ArrayList<>();
    if (!assemblers.get(shard.id()).logs(blockHash, number.get(), filter, logs, maxResults)) {
      throw tooManyLogs(maxResults);
    }
    return Optional.of(logs);
  }

  private static RpcException tooManyLogs(int max) {
    return RpcException.server("query returned more than " + max + " results");
  }

  @Override
  public BigInteger pendingBaseFee(ShardId shard) {
    Bytes32 head = head(shard);
    return chain
        .shards()
        .chain(shard)
        .stateAfter(head)
        .map(ShardState::nextBaseFee)
        .orElse(assemblers.get(shard.id()).genesis().nextBaseFee());
  }

  @Override
  public AutoCloseable subscribe(ChainEvents listener) {
    return chain.events().subscribe(listener);
  }

  // ---- resolution ----

  private CanonicalIndex index(ShardId shard) {
    return indexes.get(shard.id());
  }

  private Bytes32 head(ShardId shard) {
    return chain.executor().call(() -> chain.shards().headRoot(shard));
  }

  /** The block root {@code block} names; empty when there is no such block. */
  private Optional<Bytes32> resolve(ShardId shard, BlockParameter block) throws RpcException {
    return switch (block) {
      case BlockParameter.Named named ->
          switch (named.tag()) {
            case LATEST, PENDING -> Optional.of(head(shard));
            case EARLIEST -> Optional.of(CanonicalIndex.GENESIS);
            case SAFE -> crosslinked(shard, false);
            case FINALIZED -> crosslinked(shard, true);
          };
      case BlockParameter.Number number -> index(shard).rootAt(head(shard), number.number());
      case BlockParameter.Hash hash -> {
        if (index(shard).height(hash.hash()).isEmpty()) {
          yield Optional.empty();
        }
        if (hash.requireCanonical() && !index(shard).isCanonical(head(shard), hash.hash())) {
          throw RpcException.server("hash " + hash.hash() + " is not currently canonical");
        }
        yield Optional.of(hash.hash());
      }
    };
  }

  /** The shard block crosslinked in the justified (or finalized) beacon state. */
  private Optional<Bytes32> crosslinked(ShardId shard, boolean finalized) {
    return chain
        .executor()
        .call(
            () -> {
              BeaconService<?> beacon = chain.beacon();
              Checkpoint checkpoint =
                  finalized ? beacon.finalizedCheckpoint() : beacon.justifiedCheckpoint();
              Optional<BeaconState> state =
                  beacon
                      .store()
                      .summary(checkpoint.root())
                      .flatMap(s -> beacon.stateAt(checkpoint.root(), s.slot()));
              return Optional.of(
                  state
                      .map(s -> s.latestCrosslinks().get(shard.id()).shardBlockRoot())
                      .orElse(CanonicalIndex.GENESIS));
            });
  }

  private ShardState state(ShardId shard, BlockParameter block) throws RpcException {
    Bytes32 root = resolve(shard, block).orElseThrow(() -> RpcException.server("header not found"));
    if (root.equals(CanonicalIndex.GENESIS)) {
      return assemblers.get(shard.id()).genesis();
    }
    return chain
        .shards()
        .chain(shard)
        .stateAfter(root)
        .orElseThrow(
            () -> RpcException.server("missing trie node: state of block " + root + " is pruned"));
  }

  private WorldState world(ShardId shard, BlockParameter block) throws RpcException {
    return WorldState.open(
        state(shard, block).accountsRoot(), chain.shards().chain(shard).nodeStore());
  }

  private Optional<TransactionLocation> location(ShardId shard, Bytes32 hash) {
    return chain.shards().chain(shard).transactionLocation(hash);
  }

  /** The canonical block including transaction {@code hash}. */
  private Optional<RpcBlock> includingBlock(ShardId shard, Bytes32 hash) throws RpcException {
    Optional<TransactionLocation> location = location(shard, hash);
    if (location.isEmpty() || !index(shard).isCanonical(head(shard), location.get().blockRoot())) {
      return Optional.empty();
    }
    return block(shard, new BlockParameter.Hash(location.get().blockRoot(), false));
  }

  private Optional<RpcTransaction> included(ShardId shard, Bytes32 hash) throws RpcException {
    Optional<RpcBlock> block = includingBlock(shard, hash);
    if (block.isEmpty()) {
      return Optional.empty();
    }
    int index = location(shard, hash).orElseThrow().index();
    return index < block.get().transactions().size()
        ? Optional.of(block.get().transactions().get(index))
        : Optional.empty();
  }
}
