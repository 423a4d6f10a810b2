package io.basalt.node.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.node.rpc.BlockParameter;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code eth_getProof}: an account's Merkle-Patricia proof against the block's stateRoot (storage
 * proofs are of the empty trie).
 */
public final class EthGetProof implements RpcMethod {

  private final ShardRpcData data;

  public EthGetProof(ShardRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "eth_getProof";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(3);
    Address address = params.required(0, "address", ParamTypes.ADDRESS);
    JsonNode keysNode = params.required(1, "storageKeys", ParamTypes.ARRAY);
    List<Bytes32> keys = new ArrayList<>();
    for (JsonNode key : keysNode) {
      try {
        keys.add(ParamTypes.HASH.parse(key));
      } catch (IllegalArgumentException e) {
        throw RpcException.invalidParams(1, "storageKeys", e.getMessage());
      }
    }
    BlockParameter block =
        params.optional(2, "block", ParamTypes.BLOCK).orElse(BlockParameter.LATEST);
    return ProofJson.of(data.proof(context.shard(), address, keys, block));
  }
}
