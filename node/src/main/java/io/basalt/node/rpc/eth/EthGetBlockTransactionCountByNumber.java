package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_getBlockTransactionCountByNumber}: the number of transactions in a block by number or
 * tag; null if none.
 */
public final class EthGetBlockTransactionCountByNumber implements RpcMethod {

  private final ShardRpcData data;

  public EthGetBlockTransactionCountByNumber(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByNumber";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    BlockParameter block = params.required(0, "block", ParamTypes.BLOCK);
    return data.block(context.shard(), block)
        .map(b -> RpcHex.quantity(b.transactions().size()))
        .orElse(null);
  }
}
