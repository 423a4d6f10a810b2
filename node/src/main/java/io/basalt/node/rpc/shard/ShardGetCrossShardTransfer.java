package io.basalt.node.rpc.shard;

import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcHex;
import io.basalt.node.rpc.RpcMethod;
import io.basalt.node.rpc.RpcParams;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes32;

/**
 * {@code shard_getCrossShardTransfer(txHash)}: the status of the cross-shard transfer a source
 * transaction sent ({@code pending_crosslink} → {@code crosslinked} → {@code delivered}), with
 * source and destination block references and the crosslinking beacon block; {@code null} when no
 * shard knows the transaction, -32000 when it is not a successful {@code CrossShard.transfer}.
 */
public final class ShardGetCrossShardTransfer implements RpcMethod {

  private final CrossShardTransferData data;

  public ShardGetCrossShardTransfer(CrossShardTransferData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "shard_getCrossShardTransfer";
  }

  @Override
  public Object execute(RpcContext context, RpcParams params) throws RpcException {
    Bytes32 hash = params.atMost(1).required(0, "transactionHash", ParamTypes.HASH);
    Optional<CrossShardTransferData.Transfer> found;
    try {
      found = data.find(hash);
    } catch (CrossShardTransferData.NotATransferException e) {
      throw RpcException.server(e.getMessage());
    }
    if (found.isEmpty()) {
      return null;
    }
    CrossShardTransferData.Transfer t = found.get();
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("shard", RpcHex.quantity(t.source().shard().id()));
    source.put("blockHash", RpcHex.data(t.source().blockRoot()));
    source.put("slot", RpcHex.quantity(t.source().slot().value()));
    source.put("transactionIndex", RpcHex.quantity(t.transactionIndex()));
    source.put("from", RpcHex.data(t.sender().bytes()));
    Map<String, Object> destination = new LinkedHashMap<>();
    destination.put("shard", RpcHex.quantity(t.destination().id()));
    destination.put("recipient", RpcHex.data(t.recipient().bytes()));
    destination.put("value", RpcHex.quantity(t.value()));
    destination.put("receiptIndex", RpcHex.quantity(t.receiptIndex()));
    destination.put("blockHash", t.delivery().map(d -> RpcHex.data(d.blockRoot())).orElse(null));
    destination.put("slot", t.delivery().map(d -> RpcHex.quantity(d.slot().value())).orElse(null));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("transactionHash", RpcHex.data(t.transactionHash()));
    result.put("status", t.status().name().toLowerCase(Locale.ROOT));
    result.put("source", source);
    result.put("destination", destination);
    result.put(
        "crosslink",
        t.crosslink()
            .map(
                c -> {
                  Map<String, Object> ref = new LinkedHashMap<>();
                  ref.put("beaconBlockRoot", RpcHex.data(c.root()));
                  ref.put("beaconSlot", RpcHex.quantity(c.slot().value()));
                  return ref;
                })
            .orElse(null));
    return result;
  }
}
