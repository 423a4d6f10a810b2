package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getTransactionByBlockHashAndIndex}: the transaction at an index of a block given by
 * hash; null if none.
 */
public final class EthGetTransactionByBlockHashAndIndex implements RpcMethod {

  private final ShardRpcData data;

  public EthGetTransactionByBlockHashAndIndex(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockHashAndIndex";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    Bytes32 hash = params.required(0, "blockHash", ParamTypes.HASH);
    long index = params.required(1, "index", ParamTypes.LONG_QUANTITY);
    if (index > Integer.MAX_VALUE) {
      return null;
    }
    return data.transactionAt(context.shard(), new BlockParameter.Hash(hash, false), (int) index)
        .map(EthJson::transaction)
        .orElse(null);
  }
}
