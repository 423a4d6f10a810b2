package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code eth_getBalance}: an account's balance in wei at a block. */
public final class EthGetBalance implements RpcMethod {

  private final ShardRpcData data;

  public EthGetBalance(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getBalance";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    Address address = params.required(0, "address", ParamTypes.ADDRESS);
    BlockParameter block =
        params.optional(1, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    return RpcHex.quantity(data.account(context.shard(), address, block).balance().value());
  }
}
