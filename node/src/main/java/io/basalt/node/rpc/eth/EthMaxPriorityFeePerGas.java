package io.basalt.node.rpc.eth;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.math.BigInteger;

/**
 * {@code eth_maxPriorityFeePerGas}: the suggested tip per gas: a fixed 1 gwei, enough while blocks
 * are not full.
 */
public final class EthMaxPriorityFeePerGas implements RpcMethod {

  /** 1 gwei. */
  public static final BigInteger SUGGESTED_TIP = BigInteger.valueOf(1_000_000_000L);

  @Override
  public String name() {
    return "eth_maxPriorityFeePerGas";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    return RpcHex.quantity(SUGGESTED_TIP);
  }
}
