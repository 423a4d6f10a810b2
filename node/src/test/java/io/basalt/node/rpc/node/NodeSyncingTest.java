package io.basalt.node.rpc.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code node_syncing}'s two shapes (a live single node is never syncing). */
class NodeSyncingTest {

  private static NodeSyncing over(NodeRpcData.Sync sync) {
    return new NodeSyncing(
        new NodeRpcData() {
          @Override
          public Info info() {
            throw new UnsupportedOperationException();
          }

          @Override
          public List<Peer> peers() {
            return List.of();
          }

          @Override
          public Sync sync() {
            return sync;
          }
        });
  }

  @Test
  void falseWhenNotSyncingElseTheSlots() throws RpcException {
    RpcContext context = new RpcContext(ShardId.of(0));
    assertThat(
            over(new NodeRpcData.Sync(false, Slot.of(5), Slot.of(5), List.of()))
                .execute(context, RpcParams.empty()))
        .isEqualTo(false);
    Object syncing =
        over(new NodeRpcData.Sync(true, Slot.of(10), Slot.of(300), List.of(Slot.of(9), Slot.of(0))))
            .execute(context, RpcParams.empty());
    assertThat(syncing)
        .isEqualTo(
            Map.of(
                "headSlot", "0xa", "targetSlot", "0x12c", "shardHeadSlots", List.of("0x9", "0x0")));
  }
}
