package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_getTransactionByBlockNumberAndIndex}: the transaction at an index of a block given by
 * number or tag; null if none.
 */
public final class EthGetTransactionByBlockNumberAndIndex implements RpcMethod {

  private final ShardRpcData data;

  public EthGetTransactionByBlockNumberAndIndex(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getTransactionByBlockNumberAndIndex";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    BlockParameter block = params.required(0, "block", ParamTypes.BLOCK);
    long index = params.required(1, "index", ParamTypes.LONG_QUANTITY);
    if (index > Integer.MAX_VALUE) {
      return null;
    }
    return data.transactionAt(context.shard(), block, (int) index)
        .map(EthJson::transaction)
        .orElse(null);
  }
}
