package io.basalt.node.rpc.settle;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.node.rpc.ParamTypes;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@code eth_subscribe("settlement", {rollupId?})}: one notification per batch status change of the
 * endpoint's shard ({@link SettlementFollower}); every rollup when no id is given.
 */
public final class SettlementSubscription implements SubscriptionKind {

  private final SettlementRpcData data;
  private final Executor executor;

  public SettlementSubscription(SettlementRpcData data, Executor executor) {
    this.data = data;
    this.executor = executor;
  }

  @Override
  public String name() {
    return "settlement";
  }

  @Override
  public Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException {
    params.atMost(1);
    Optional<JsonNode> filter = params.optional(0, "filter", ParamTypes.OBJECT);
    OptionalLong rollupId = OptionalLong.empty();
    if (filter.isPresent()) {
      for (Iterator<String> names = filter.get().fieldNames(); names.hasNext(); ) {
        String field = names.next();
        if (!field.equals("rollupId")) {
          throw RpcException.invalidParams(0, "filter", "unknown field " + field);
        }
      }
      JsonNode id = filter.get().get("rollupId");
      if (id != null && !id.isNull()) {
        try {
          rollupId = OptionalLong.of(SettleParams.UINT64.parse(id));
        } catch (IllegalArgumentException e) {
          throw RpcException.invalidParams(0, "filter", "rollupId: " + e.getMessage());
        }
      }
    }
    return new SettlementFollower(data, context.shard(), rollupId, executor, sink);
  }
}
