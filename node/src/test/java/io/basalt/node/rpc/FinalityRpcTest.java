package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Finality checkpoints advance as the chain finalizes; the docs example of every method works. */
@ExtendWith(LiveNodeExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinalityRpcTest {

  static LiveNode live;
  static NodeChain<?> chain;
  static SpecConfig config;

  @BeforeAll
  static void useNode(LiveNode shared) {
    live = shared;
    chain = shared.node.chain();
    config = chain.config();
  }

  @Test
  @Order(20)
  void finalityCheckpointsAdvanceAsTheChainFinalizes() throws Exception {
    JsonNode genesisCheckpoints = live.json("beacon_getFinalityCheckpoints", "genesis");
    assertThat(genesisCheckpoints.get("finalized").get("epoch").asText()).isEqualTo("0");
    LiveNode.await(
        "finalized epoch 1",
        Duration.ofSeconds(120),
        () ->
            chain.status().finalized().epoch().isAfter(Epoch.ZERO)
                ? Optional.of(true)
                : Optional.empty());
    JsonNode head = live.json("beacon_getFinalityCheckpoints");
    long finalized = head.get("finalized").get("epoch").asLong();
    assertThat(finalized).isGreaterThanOrEqualTo(1);
    assertThat(head.get("current_justified").get("epoch").asLong()).isGreaterThan(finalized);
    JsonNode byFinalized = live.json("beacon_getFinalityCheckpoints", "finalized");
    assertThat(byFinalized.get("finalized").get("epoch").asLong()).isLessThanOrEqualTo(finalized);
    JsonNode headInfo = live.json("beacon_getHead");
    assertThat(headInfo.get("finalized").get("epoch").asLong()).isGreaterThanOrEqualTo(1);
    JsonNode finalizedBlock = live.json("beacon_getBlock", "finalized");
    assertThat(finalizedBlock.get("root").asText())
        .isEqualTo(chain.beacon().finalizedCheckpoint().root().toHexString());
    assertThat(live.json("beacon_getCrosslinks", "finalized")).hasSize(config.shardCount());
  }

  @Test
  @Order(30)
  void docsDescribeEveryMethodWithAWorkingExample() throws Exception {
    Map<String, RpcDocs.Section> sections = RpcDocs.read();
    assertThat(sections.keySet())
        .containsAll(live.methods.keySet())
        .containsAll(live.kinds.keySet());
    for (String name : live.methods.keySet()) {
      RpcDocs.Section section = sections.get(name);
      assertThat(section.text()).as(name).contains("Parameters:").contains("Result:");
      JsonNode body = RpcDocs.curlBody(section);
      assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(body.get("method").asText()).as(name).isEqualTo(name);
      try {
        live.methods.get(name).execute(live.context, RpcParams.of(body.get("params")));
      } catch (RpcException e) {
        assertThat(e.code()).as(name + ": " + e.getMessage()).isEqualTo(RpcException.SERVER_ERROR);
      }
    }
    for (String kind : live.kinds.keySet()) {
      assertThat(sections.get(kind).bashBlocks()).as(kind).hasSize(1);
      assertThat(sections.get(kind).bashBlocks().get(0)).contains("eth_subscribe").contains(kind);
    }
  }
}
