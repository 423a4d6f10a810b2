package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.chain.NodeChain;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Finality checkpoints advance as the chain finalizes. */
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
}
