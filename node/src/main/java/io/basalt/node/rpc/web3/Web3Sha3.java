package io.basalt.node.rpc.web3;

import io.basalt.common.crypto.Hash;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;

/** {@code web3_sha3}: Keccak-256 of the given data. */
public final class Web3Sha3 implements RpcMethod {

  @Override
  public String name() {
    return "web3_sha3";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(1);
    return Hash.keccak256(params.required(0, "data", ParamTypes.DATA)).toHexString();
  }
}
