package io.basalt.node.rpc.settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.common.types.ShardId;
import io.basalt.node.rpc.RpcContext;
import io.basalt.node.rpc.RpcException;
import io.basalt.node.rpc.RpcParams;
import io.basalt.node.rpc.subscription.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settlement subscription turns record and view changes into one notification per change. */
class SettlementFollowerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeSettlementData data = new FakeSettlementData();
  private final List<JsonNode> seen = new ArrayList<>();

  private Subscription subscribe(Object... params) throws RpcException {
    return new SettlementSubscription(data, Runnable::run)
        .subscribe(
            new RpcContext(ShardId.of(0)),
            RpcParams.of(JSON.valueToTree(List.of(params))),
            result -> seen.add(JSON.valueToTree(result)));
  }

  private List<String> events() {
    List<String> events = new ArrayList<>();
    for (JsonNode n : seen) {
      events.add(
          n.get("batchIndex").asText()
              + ":"
              + n.get("event").asText()
              + (n.get("removed").asBoolean() ? ":removed" : ""));
    }
    seen.clear();
    return events;
  }

  @Test
  void shouldFollowABatchFromCommitToSettled() throws Exception {
    data.rollup(0);
    data.view(5, -1, -1);
    subscribe();
    assertThat(events()).as("baseline only").isEmpty();

    data.commit(0, 10);
    data.view(10, -1, -1);
    data.fireHead();
    assertThat(events()).containsExactly("0x0:committed");

    data.view(12, 10, -1);
    data.fireHead();
    assertThat(events()).containsExactly("0x0:justified");

    data.view(20, 11, 10);
    data.fireHead();
    assertThat(events()).containsExactly("0x0:finalized");

    data.view(26, 20, 20);
    data.fireHead();
    assertThat(seen.get(0).get("status").asText()).isEqualTo("SETTLED");
    assertThat(events()).containsExactly("0x0:settled");

    data.view(40, 30, 30);
    data.fireHead();
    assertThat(events()).as("settled is final").isEmpty();
  }

  @Test
  void shouldRevertABatchAndItsDescendants() throws Exception {
    data.rollup(0);
    data.commit(0, 10);
    data.commit(0, 11);
    data.commit(0, 12);
    data.view(12, -1, -1);
    subscribe(Map.of("rollupId", "0x0"));

    data.revertFrom(0, 1);
    data.fireHead();
    assertThat(events()).containsExactly("0x1:reverted", "0x2:reverted");
  }

  @Test
  void shouldMarkACommitLostInAReorgRemoved() throws Exception {
    data.rollup(0);
    data.commit(0, 10);
    data.view(10, -1, -1);
    subscribe();
    data.commit(0, 11);
    data.view(11, -1, -1);
    data.fireHead();
    assertThat(events()).containsExactly("0x1:committed");

    data.dropLast(0);
    data.fireHead();
    List<JsonNode> removed = List.copyOf(seen);
    assertThat(events()).containsExactly("0x1:committed:removed");
    assertThat(removed.get(0).get("batchHash").asText()).isNotEmpty();

    data.commit(0, 12); // the same index, another block
    data.view(12, -1, -1);
    data.fireHead();
    assertThat(events()).containsExactly("0x1:committed");
  }

  @Test
  void shouldWatchOnlyTheGivenRollupAndStopWhenClosed() throws Exception {
    data.rollup(0);
    data.rollup(1);
    data.view(5, -1, -1);
    Subscription subscription = subscribe(Map.of("rollupId", "0x1"));
    data.commit(0, 10);
    data.commit(1, 10);
    data.fireHead();
    assertThat(seen)
        .singleElement()
        .satisfies(n -> assertThat(n.get("rollupId").asText()).isEqualTo("0x1"));
    seen.clear();

    subscription.close();
    data.commit(1, 11);
    data.fireHead();
    assertThat(seen).isEmpty();
    assertThat(data.listeners).isEmpty();
  }

  @Test
  void shouldRefuseABadFilter() {
    assertThatThrownBy(() -> subscribe(Map.of("rollup", "0x1")))
        .hasMessage("invalid argument 0 (filter): unknown field rollup");
    assertThatThrownBy(() -> subscribe(Map.of("rollupId", "1")))
        .hasMessage("invalid argument 0 (filter): rollupId: hex string without 0x prefix");
    assertThatThrownBy(() -> subscribe("0x1"))
        .hasMessage("invalid argument 0 (filter): cannot unmarshal string into object");
  }
}
