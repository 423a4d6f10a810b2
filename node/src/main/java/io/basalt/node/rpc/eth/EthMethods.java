package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.net.NetListening;
import io.basalt.node.rpc.net.NetPeerCount;
import io.basalt.node.rpc.net.NetVersion;
import io.basalt.node.rpc.shard.ShardGetBlock;
import io.basalt.node.rpc.shard.ShardGetHead;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import io.basalt.node.rpc.web3.Web3ClientVersion;
import io.basalt.node.rpc.web3.Web3Sha3;
import java.util.List;
import java.util.concurrent.Executor;

/** The per-shard Ethereum methods and subscriptions, and the shard-level node-wide methods. */
public final class EthMethods {

  private EthMethods() {}

  /** Every method served on {@code /shard/<i>} (and on {@code /} for shard 0). */
  public static List<RpcMethod> shardMethods(ShardRpcData data, FilterManager filters) {
    return List.of(
        new EthChainId(data),
        new NetVersion(data),
        new NetListening(),
        new NetPeerCount(data),
        new Web3ClientVersion(data),
        new Web3Sha3(),
        new EthSyncing(data),
        new EthBlockNumber(data),
        new EthGetBalance(data),
        new EthGetTransactionCount(data),
        new EthGetCode(data),
        new EthGetStorageAt(data),
        new EthCall(data),
        new EthEstimateGas(data),
        new EthGasPrice(data),
        new EthMaxPriorityFeePerGas(),
        new EthFeeHistory(data),
        new EthSendRawTransaction(data),
        new EthGetTransactionByHash(data),
        new EthGetTransactionByBlockHashAndIndex(data),
        new EthGetTransactionByBlockNumberAndIndex(data),
        new EthGetTransactionReceipt(data),
        new EthGetBlockByNumber(data),
        new EthGetBlockByHash(data),
        new EthGetBlockTransactionCountByNumber(data),
        new EthGetBlockTransactionCountByHash(data),
        new EthGetLogs(data),
        new EthGetProof(data),
        new EthAccounts(),
        new EthNewFilter(filters),
        new EthNewBlockFilter(filters),
        new EthGetFilterChanges(filters),
        new EthGetFilterLogs(filters),
        new EthUninstallFilter(filters));
  }

  /** {@code shard_getHead} and {@code shard_getBlock}, served on {@code /}. */
  public static List<RpcMethod> shardNodeMethods(ShardRpcData data) {
    return List.of(new ShardGetHead(data), new ShardGetBlock(data));
  }

  /** {@code newHeads} and {@code logs}, delivered from {@code executor}. */
  public static List<SubscriptionKind> subscriptionKinds(ShardRpcData data, Executor executor) {
    return List.of(new NewHeadsSubscription(data, executor), new LogsSubscription(data, executor));
  }
}
