package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/**
 * {@code eth_getCode}: an account's code: always empty, Basalt has no EVM (system contracts are
 * native).
 */
public final class EthGetCode implements RpcMethod {

  private final ShardRpcData data;

  public EthGetCode(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getCode";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    Address address = params.required(0, "address", ParamTypes.ADDRESS);
    BlockParameter block =
        params.optional(1, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    data.account(context.shard(), address, block); // the block must exist
    return "0x";
  }
}
