package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getTransactionReceipt}: the receipt of a transaction in a canonical block; null if not
 * included.
 */
public final class EthGetTransactionReceipt implements RpcMethod {

  private final ShardRpcData data;

  public EthGetTransactionReceipt(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getTransactionReceipt";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    Bytes32 hash = params.required(0, "hash", ParamTypes.HASH);
    return data.receipt(context.shard(), hash).map(EthJson::receipt).orElse(null);
  }
}
