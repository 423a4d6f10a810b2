package io.basalt.node.rpc.node;

import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code node_peers}: the connected peers with {@code peerId}, {@code address} and {@code
 * direction} (null when unknown), their last {@code status} handshake ({@code headRoot, headSlot,
 * finalizedRoot, finalizedEpoch}, null before one) and the peer manager's {@code score} (0 is
 * neutral, negative after misbehaviour; a signed JSON number).
 */
public final class NodePeers implements RpcMethod {

  private final NodeRpcData data;

  public NodePeers(NodeRpcData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "node_peers";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    params.atMost(0);
    List<Object> peers = new ArrayList<>();
    for (NodeRpcData.Peer peer : data.peers()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("peerId", peer.peerId());
      entry.put("address", peer.address().orElse(null));
      entry.put("direction", peer.direction().orElse(null));
      entry.put(
          "status",
          peer.status()
              .map(
                  s -> {
                    Map<String, Object> status = new LinkedHashMap<>();
                    status.put("headRoot", RpcHex.data(s.headRoot()));
                    status.put("headSlot", RpcHex.quantity(s.headSlot().value()));
                    status.put("finalizedRoot", RpcHex.data(s.finalizedRoot()));
                    status.put("finalizedEpoch", RpcHex.quantity(s.finalizedEpoch().value()));
                    return status;
                  })
              .orElse(null));
      entry.put("score", peer.score());
      peers.add(entry);
    }
    return peers;
  }
}
