package io.basalt.node.rpc.eth;

import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getStorageAt}: a storage slot. Only system contracts have storage (the Settlement
 * contract's records); every other slot reads zero.
 */
public final class EthGetStorageAt implements RpcMethod {

  private final ShardRpcData data;

  public EthGetStorageAt(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getStorageAt";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    Address address = params.required(0, "address", ParamTypes.ADDRESS);
    BigInteger slot = params.required(1, "slot", ParamTypes.QUANTITY);
    BlockParameter block =
        params.optional(2, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    Bytes32 key = Bytes32.leftPad(Bytes.wrap(slot.toByteArray()).trimLeadingZeros());
    return data.storageAt(context.shard(), address, key, block).toHexString();
  }
}
