package io.basalt.node.rpc.beacon;

import io.basalt.consensus.types.Checkpoint;
import io.basalt.node.chain.ChainEventBus;
import io.basalt.node.chain.ChainEvents;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import io.basalt.node.rpc.subscription.SubscriptionKind;
import java.util.function.Consumer;

/** Beacon {@code finalized_checkpoint} events: {@code {epoch, root}} when finality advances. */
public final class FinalizedCheckpointSubscriptionKind implements SubscriptionKind {

  private final ChainEventBus events;

  public FinalizedCheckpointSubscriptionKind(ChainEventBus events) {
    this.events = events;
  }

  @Override
  public String name() {
    return "finalized_checkpoint";
  }

  @Override
  public Subscription subscribe(RpcContext context, RpcParams params, Consumer<Object> sink)
      throws RpcException {
    params.atMost(0);
    AutoCloseable registration =
        events.subscribe(
            new ChainEvents() {
              @Override
              public void onFinalizedCheckpoint(Checkpoint finalized) {
                sink.accept(BeaconJson.of(finalized));
              }
            });
    return Subscriptions.closing(registration);
  }
}
