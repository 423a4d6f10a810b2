package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getBlockByHash}: a block by hash, with transaction hashes or objects; null if unknown.
 */
public final class EthGetBlockByHash implements RpcMethod {

  private final ShardRpcData data;

  public EthGetBlockByHash(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getBlockByHash";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(2);
    Bytes32 hash = params.required(0, "blockHash", ParamTypes.HASH);
    boolean full = params.optional(1, "fullTransactions", ParamTypes.BOOLEAN).orElse(false);
    return data.block(context.shard(), new BlockParameter.Hash(hash, false))
        .map(b -> EthJson.block(b, full))
        .orElse(null);
  }
}
