package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getTransactionByHash}: a transaction included in a canonical block or pending in the
 * pool; null if unknown.
 */
public final class EthGetTransactionByHash implements RpcMethod {

  private final ShardRpcData data;

  public EthGetTransactionByHash(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getTransactionByHash";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    Bytes32 hash = params.required(0, "hash", ParamTypes.HASH);
    return data.transaction(context.shard(), hash).map(EthJson::transaction).orElse(null);
  }
}
