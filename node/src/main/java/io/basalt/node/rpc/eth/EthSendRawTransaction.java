package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import org.apache.tuweni.bytes.Bytes;

/**
 * {@code eth_sendRawTransaction}: decodes, checks (chain id of the shard) and pools a signed
 * transaction, gossips it, returns its hash.
 */
public final class EthSendRawTransaction implements RpcMethod {

  private final ShardRpcData data;

  public EthSendRawTransaction(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_sendRawTransaction";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    Bytes raw = params.required(0, "transaction", ParamTypes.DATA);
    return data.sendRawTransaction(context.shard(), raw).toHexString();
  }
}
