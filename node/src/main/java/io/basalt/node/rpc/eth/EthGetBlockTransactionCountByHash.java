package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getBlockTransactionCountByHash}: the number of transactions in a block by hash; null
 * if unknown.
 */
public final class EthGetBlockTransactionCountByHash implements RpcMethod {

  private final ShardRpcData data;

  public EthGetBlockTransactionCountByHash(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getBlockTransactionCountByHash";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    Bytes32 hash = params.required(0, "blockHash", ParamTypes.HASH);
    return data.block(context.shard(), new BlockParameter.Hash(hash, false))
        .map(b -> RpcHex.quantity(b.transactions().size()))
        .orElse(null);
  }
}
