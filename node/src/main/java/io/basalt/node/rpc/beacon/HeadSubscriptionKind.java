package io.basalt.node.rpc.beacon;

import io.basalt.common.types.Slot;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Beacon {@code head} events, as the beacon API's event stream: {@code {slot, block, state,
 * epoch_transition}} each time the fork choice head moves. {@code state} is the head block's state
 * root ({@code null} if the block cannot be read); {@code epoch_transition} is true when the head
 * moved into another epoch than the previous head this subscription saw (for the first event: when
 * the head is an epoch's first slot).
 */
public final class HeadSubscriptionKind implements SubscriptionKind {

  private final ChainEventBus events;
  private final BeaconRpcData data;

  public HeadSubscriptionKind(ChainEventBus events, BeaconRpcData data) {
    this.events = events;
    this.data = data;
  }

  @Override
  public String name() {
    return "head";
  }

  @Override
  public Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException {
    params.atMost(0);
    int slotsPerEpoch = data.config().slotsPerEpoch();
    AutoCloseable registration =
        events.subscribe(
            new ChainEvents() {
              private long lastEpoch = -1;

              @Override
              public void onBeaconHead(Bytes32 root, Slot slot) {
                long epoch = slot.value().longValue() / slotsPerEpoch;
                boolean transition =
                    lastEpoch < 0
                        ? slot.value().longValue() % slotsPerEpoch == 0
                        : epoch != lastEpoch;
                lastEpoch = epoch;
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("slot", BeaconJson.of(slot));
                event.put("block", BeaconJson.of(root));
                event.put("state", data.blockStateRoot(root).map(BeaconJson::of).orElse(null));
                event.put("epoch_transition", transition);
                sink.accept(event);
              }
            });
    return Subscriptions.closing(registration);
  }
}
