package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_getTransactionCount}: an account's nonce at a block. */
public final class EthGetTransactionCount implements RpcMethod {

  private final ShardRpcData data;

  public EthGetTransactionCount(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getTransactionCount";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    Address address = params.required(0, "address", ParamTypes.ADDRESS);
    BlockParameter block =
        params.optional(1, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    return RpcHex.quantity(data.account(context.shard(), address, block).nonce());
  }
}
