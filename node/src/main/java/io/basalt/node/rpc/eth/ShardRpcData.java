package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.execution.contracts.CallResult;
import io.basalt.execution.state.Account;
import io.basalt.execution.state.AccountProof;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.RpcException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What the Ethereum methods read and do on a shard; the handlers' only way to the chain.
 * Implementations are thread-safe. Methods that need a block's state throw an {@link RpcException}
 * ({@code -32000}) when the block is unknown or its state is gone; lookups return empty instead.
 */
public interface ShardRpcData {

  int shardCount();

  /** The EIP-155 chain id of {@code shard}. */
  long chainId(ShardId shard);

  String clientVersion();

  int peerCount();

  SyncState syncState(ShardId shard);

  /** The number of the canonical head block. */
  long blockNumber(ShardId shard);

  /** A block by tag, number or hash; empty when there is none. */
  Optional<RpcBlock> block(ShardId shard, BlockParameter block) throws RpcException;

  /** The account at {@code block} (empty account when the address has none). */
  Account account(ShardId shard, Address address, BlockParameter block) throws RpcException;

  /**
   * {@code eth_getStorageAt}: a storage slot of {@code address} at {@code block} (zero if unset).
   */
  Bytes32 storageAt(ShardId shard, Address address, Bytes32 slot, BlockParameter block)
      throws RpcException;

  /** {@code eth_getProof}: the account and storage proofs at {@code block}. */
  AccountProof proof(ShardId shard, Address address, List<Bytes32> keys, BlockParameter block)
      throws RpcException;

  /** Runs a read-only call against {@code block}'s state. */
  CallResult call(ShardId shard, CallRequest call, BlockParameter block) throws RpcException;

  /** The gas a transaction with {@code call} would use at {@code block}. */
  long estimateGas(ShardId shard, CallRequest call, BlockParameter block) throws RpcException;

  /** Decodes, checks and pools a signed transaction, then gossips it; returns its hash. */
  Bytes32 sendRawTransaction(ShardId shard, Bytes raw) throws RpcException;

  /** A transaction included in a canonical block, or pending in the pool. */
  Optional<RpcTransaction> transaction(ShardId shard, Bytes32 hash) throws RpcException;

  /** The transaction at {@code index} of a block; empty when there is none. */
  Optional<RpcTransaction> transactionAt(ShardId shard, BlockParameter block, int index)
      throws RpcException;

  /** The receipt of a transaction included in a canonical block. */
  Optional<RpcReceipt> receipt(ShardId shard, Bytes32 hash) throws RpcException;

  /** The logs of canonical blocks {@code from..to} (inclusive) that {@code filter} matches. */
  List<RpcLog> logs(ShardId shard, long from, long to, LogFilter filter, int maxResults)
      throws RpcException;

  /** The logs of one block (by hash) that {@code filter} matches; empty if the block is unknown. */
  Optional<List<RpcLog>> logs(ShardId shard, Bytes32 blockHash, LogFilter filter, int maxResults)
      throws RpcException;

  /** The base fee the next block of {@code shard} must use. */
  BigInteger pendingBaseFee(ShardId shard);

  /** Listens to chain events until the result is closed (called on the chain thread). */
  AutoCloseable subscribe(ChainEvents listener);
}
