package io.basalt.node.rpc.settle;

import io.basalt.node.chain.NodeChain;
import io.basalt.node.rpc.RpcMethod;
import java.util.List;

/**
 * The per-shard settlement proof methods: {@code settle_getCommitmentProof} and {@code
 * settle_getFinalityProof}.
 */
public final class SettleProofMethods {

  private SettleProofMethods() {}

  public static List<RpcMethod> methods(NodeChain<?> chain) {
    return methods(new ChainSettleProofData(chain));
  }

  public static List<RpcMethod> methods(SettleProofData data) {
    return List.of(new SettleGetCommitmentProof(data), new SettleGetFinalityProof(data));
  }
}
