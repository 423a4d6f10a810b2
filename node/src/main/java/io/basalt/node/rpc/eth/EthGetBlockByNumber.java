package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_getBlockByNumber}: a block by number or tag, with transaction hashes or objects; null
 * if none.
 */
public final class EthGetBlockByNumber implements RpcMethod {

  private final ShardRpcData data;

  public EthGetBlockByNumber(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getBlockByNumber";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    BlockParameter block = params.required(0, "block", ParamTypes.BLOCK);
    boolean full = params.optional(1, "fullTransactions", ParamTypes.BOOLEAN).orElse(false);
    return data.block(context.shard(), block).map(b -> EthJson.block(b, full)).orElse(null);
  }
}
