package io.basalt.node.rpc.eth;

import io.basalt.execution.contracts.CallResult;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.eth.data.NodeShardRpcData;

/**
 * {@code eth_call}: runs a read-only call (system contracts) at a block; a revert is error 3 with
 * its data.
 */
public final class EthCall implements RpcMethod {

  private final ShardRpcData data;

  public EthCall(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_call";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    CallRequest call = CallParams.parse(params.required(0, "transaction", ParamTypes.OBJECT), 0);
    BlockParameter block =
        params.optional(1, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    CallResult result = data.call(context.shard(), call, block);
    if (!result.success()) {
      throw NodeShardRpcData.reverted(result);
    }
    return result.data().toHexString();
  }
}
